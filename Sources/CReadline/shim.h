// GNU readline, the REPL's line editor (Debian: libreadline-dev).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Readline keeps its state in C globals, which Swift 6 cannot touch without declaring them
// unsafe. These accessors are the only way the REPL reads or writes them; they are called
// only on the thread that runs readline (the REPL's own), inside or around its calls.

// Tab completion: readline asks `attempt`; words end at any of `word_breaks`.
static inline void credence_rl_install_completion(
    rl_completion_func_t *attempt, const char *word_breaks) {
  rl_attempted_completion_function = attempt;
  rl_completer_word_break_characters = word_breaks;
}

// Whether readline should skip its own (file-name) completion after `attempt`.
static inline void credence_rl_set_completion_over(int over) {
  rl_attempted_completion_over = over;
}

// The line being edited and the cursor's byte offset in it.
static inline const char *credence_rl_line_buffer(void) { return rl_line_buffer; }
static inline int credence_rl_point(void) { return rl_point; }

// The REPL handles SIGINT itself (Ctrl-C cancels the line); readline keeps SIGWINCH.
static inline void credence_rl_leave_sigint_alone(void) { rl_catch_signals = 0; }

// After Ctrl-C in the callback interface: forget the half-typed line and its state, and put
// the terminal back as it was, so the next prompt starts clean.
static inline void credence_rl_cancel_line(void) {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_point = 0;
  rl_end = 0;
  rl_mark = 0;
  rl_cleanup_after_signal();
  rl_callback_handler_remove();
}

// The file readline reads keys from.
static inline int credence_rl_input_fd(void) {
  return rl_instream ? fileno(rl_instream) : 0;
}
