using Tui.App.Keys;
using Tui.App.Monitor;
using Tui.App.Shell;
using Tui.Terminal.Input;
using TermModifiers = Tui.Terminal.Input.KeyModifiers;

namespace Tui.App.Tests.Monitor;

public class InputTranslatorTests
{
    private static KeyChord? Chord(KeyEvent key) => InputTranslator.ToChord(key);

    [Fact]
    public void A_shifted_letter_is_its_capital_without_shift()
    {
        Assert.Equal(KeyChord.Of('X'), Chord(KeyEvent.Char('X', TermModifiers.Shift)));
        Assert.Equal(KeyChord.Of('x'), Chord(KeyEvent.Char('x')));
    }

    [Fact]
    public void Ctrl_letters_are_lower_case_with_ctrl()
    {
        Assert.Equal(KeyChord.Of('c', Tui.App.Keys.KeyModifiers.Ctrl), Chord(KeyEvent.Char('c', TermModifiers.Ctrl)));
    }

    [Fact]
    public void Shift_tab_is_backtab_and_named_keys_map_one_to_one()
    {
        Assert.Equal(KeyChord.Of(KeyCode.BackTab), Chord(new KeyEvent(Key.Tab, TermModifiers.Shift)));
        Assert.Equal(KeyChord.Of(KeyCode.F1), Chord(new KeyEvent(Key.F1)));
        Assert.Equal(KeyChord.Of(KeyCode.PageUp), Chord(new KeyEvent(Key.PageUp)));
        Assert.Equal(KeyChord.Of(KeyCode.End, Tui.App.Keys.KeyModifiers.Ctrl), Chord(new KeyEvent(Key.End, TermModifiers.Ctrl)));
    }

    [Fact]
    public void The_wheel_and_a_left_press_become_mouse_messages_other_mouse_events_nothing()
    {
        Assert.Equal([new Msg.Mouse(Tui.App.Shell.MouseAction.WheelUp, 3, 4)],
            InputTranslator.Translate(new MouseEvent(Tui.Terminal.Input.MouseAction.Scroll, MouseButton.WheelUp, 3, 4), false));
        Assert.Equal([new Msg.Mouse(Tui.App.Shell.MouseAction.LeftClick, 1, 2)],
            InputTranslator.Translate(new MouseEvent(Tui.Terminal.Input.MouseAction.Press, MouseButton.Left, 1, 2), false));
        Assert.Empty(InputTranslator.Translate(new MouseEvent(Tui.Terminal.Input.MouseAction.Release, MouseButton.Left, 1, 2), false));
        Assert.Empty(InputTranslator.Translate(new MouseEvent(Tui.Terminal.Input.MouseAction.Move, MouseButton.None, 1, 2), false));
    }

    [Fact]
    public void A_paste_types_into_an_open_prompt_and_is_ignored_elsewhere()
    {
        var typed = InputTranslator.Translate(new PasteEvent("ab\nc"), promptOpen: true).ToList();
        Assert.Equal([Msg.KeyOf('a'), Msg.KeyOf('b'), Msg.KeyOf('c')], typed);
        Assert.Empty(InputTranslator.Translate(new PasteEvent("xxxx"), promptOpen: false));
    }

    [Fact]
    public void A_paste_in_input_mode_stays_whole_for_the_process()
    {
        Assert.Equal([new Msg.Paste("ab\nc")], InputTranslator.Translate(new PasteEvent("ab\nc"), promptOpen: false, inputMode: true));
    }
}
