import Foundation
import Testing

#if os(Linux)
  import Glibc

  /// `credence repl` on a real pseudo-terminal: readline, Tab, Ctrl-C and Ctrl-D as a person
  /// types them. Every wait has a deadline and the process is killed when the test ends, so
  /// a REPL that hangs fails the test instead of hanging CI.
  @Suite struct ReplTerminalTests {
    /// How long any one expected output may take to appear (the debug binary starts slowly
    /// on a loaded machine).
    static let waitSeconds = 30.0

    @Test func typingCompletingInterruptingAndLeaving() throws {
      let scratch = try DBScratchDirectory()
      let policy = EvalFixtures.packageRoot
        .appendingPathComponent("policies/stacking/nus-executive-certificate.credence").path
      let store = scratch.path("sample.db")
      #expect(
        try DBCommand.run(["db", "sample", store, "--learners", "20", "--seed", "1"]).status == 0)
      let terminal = try PseudoTerminal.start(
        DBCommand.executable.path, ["repl", policy, "--db", store, "--as-of", "2026-01-01"],
        environment: [
          "TERM=dumb", "HOME=\(scratch.url.path)",
          "CREDENCE_HISTORY=\(scratch.path("history"))", "PATH=/usr/bin:/bin",
        ])
      defer { terminal.stop() }

      try terminal.expect("credence> ")
      // A declaration over three lines: the continuation prompt, then the definition.
      terminal.type("let total_credits =\r")
      try terminal.expect("...> ")
      terminal.type("  40 +\r")
      try terminal.expect("...> ")
      terminal.type("  2\r")
      try terminal.expect("defined let total_credits")
      try terminal.expect("credence> ")
      // Tab completes a name typed so far, and a decision after `:why`.
      terminal.type("total_c\t")
      try terminal.expect("redits")
      terminal.type("\r")
      try terminal.expect("42 : Number")
      try terminal.expect("credence> ")
      terminal.type(":why nus_exec\t")
      try terminal.expect("utive_certificate")
      terminal.type("\r")
      try terminal.expect("NUS Executive Certificate: not achieved")
      try terminal.expect("credence> ")
      // Learner ids complete from the store.
      terminal.type(":learner L000002\t")
      try terminal.expect("L0000020")
      terminal.type("\r")
      try terminal.expect("learner L0000020")
      try terminal.expect("credence> ")
      // Ctrl-C on a continuation line drops the whole unfinished input.
      terminal.type("(1 +\r")
      try terminal.expect("...> ")
      terminal.type("\u{03}")
      try terminal.expect("^C")
      try terminal.expect("credence> ")
      terminal.type("7 * 6\r")
      try terminal.expect("42 : Number")
      try terminal.expect("credence> ")
      // Ctrl-C on a half-typed line, then Ctrl-D on the empty line leaves with status 0.
      // Readline must have read (and echoed) the keys first, or Ctrl-C would reach the
      // terminal with them still queued.
      terminal.type("learner.bir")
      try terminal.expect("learner.bir")
      terminal.type("\u{03}")
      try terminal.expect("^C")
      try terminal.expect("credence> ")
      terminal.type("\u{04}")
      let status = try terminal.waitForExit()
      #expect(status == 0, "output:\n\(terminal.output)")
      let history = (try? String(contentsOfFile: scratch.path("history"), encoding: .utf8)) ?? ""
      #expect(history.contains("7 * 6"), "typed lines are kept in the history file")
    }
  }

  extension ReplTerminalTests {
    /// SIGTERM while readline has the terminal (echo off, raw keys) puts the terminal back
    /// and ends with 143, as a process the signal ended.
    @Test func terminationRestoresTheTerminal() throws {
      let scratch = try DBScratchDirectory()
      let terminal = try PseudoTerminal.start(
        DBCommand.executable.path, ["repl", "--as-of", "2026-01-01"],
        environment: [
          "TERM=dumb", "HOME=\(scratch.url.path)", "CREDENCE_HISTORY=\(scratch.path("h"))",
        ])
      defer { terminal.stop() }
      try terminal.expect("credence> ")
      terminal.type("1 +")
      try terminal.expect("1 +")
      #expect(!terminal.echoes, "readline echoes keys itself")
      kill(terminal.pid, SIGTERM)
      #expect(try terminal.waitForExit() == 143)
      #expect(terminal.echoes, "the terminal is as it was before readline")
    }
  }

  /// A child process whose standard input, output and error are a new pseudo-terminal, which
  /// is its controlling terminal (so Ctrl-C typed into it is a SIGINT, as in a shell).
  final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    /// Everything the terminal has shown.
    private var shown: [UInt8] = []
    /// Where the next `expect` starts looking in ``shown``.
    private var searched = 0
    private var exited = false

    var output: String { String(decoding: shown, as: UTF8.self) }

    private init(master: Int32, pid: pid_t) {
      self.master = master
      self.pid = pid
    }

    struct Failure: Error, CustomStringConvertible {
      let description: String
    }

    static func start(_ path: String, _ arguments: [String], environment: [String]) throws
      -> PseudoTerminal
    {
      // posix_openpt, grantpt and unlockpt are not imported into Swift; on Linux they are
      // /dev/ptmx and two ioctls (TIOCSPTLCK, TIOCGPTN, macros Swift cannot import either).
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      guard master >= 0 else { throw Failure(description: "no /dev/ptmx: errno \(errno)") }
      var unlock: Int32 = 0
      var number: UInt32 = 0
      guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0
      else {
        close(master)
        throw Failure(description: "cannot set up the pseudo-terminal: errno \(errno)")
      }
      let slavePath = "/dev/pts/\(number)"
      var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
      _ = ioctl(master, UInt(TIOCSWINSZ), &size)
      // Ctrl-C makes the terminal send SIGINT and then flush its queues; without NOFLSH the
      // flush can race the REPL's answer (`^C`, the next prompt) and discard it, so a test
      // would wait for output that was thrown away. (A person would just see no `^C`.)
      var settings = termios()
      if tcgetattr(master, &settings) == 0 {
        settings.c_lflag |= tcflag_t(NOFLSH)
        _ = tcsetattr(master, TCSANOW, &settings)
      }

      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      // The child starts a session (POSIX_SPAWN_SETSID) before these run, so opening the
      // terminal makes it the child's controlling terminal.
      posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&actions, 0, 1)
      posix_spawn_file_actions_adddup2(&actions, 0, 2)
      posix_spawn_file_actions_addclose(&actions, master)
      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      defer { posix_spawnattr_destroy(&attributes) }
      // glibc's POSIX_SPAWN_SETSID (0x80) is behind _GNU_SOURCE, which Swift does not import.
      let startSession: Int32 = 0x80
      posix_spawnattr_setflags(&attributes, Int16(startSession | POSIX_SPAWN_SETSIGDEF))
      var defaults = sigset_t()
      sigemptyset(&defaults)
      sigaddset(&defaults, SIGINT)
      posix_spawnattr_setsigdefault(&attributes, &defaults)

      let argv = ([path] + arguments).map { strdup($0) } + [nil]
      let envp = environment.map { strdup($0) } + [nil]
      defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
      }
      var pid: pid_t = 0
      let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
      guard spawned == 0 else {
        close(master)
        throw Failure(description: "cannot start \(path): error \(spawned)")
      }
      return PseudoTerminal(master: master, pid: pid)
    }

    /// Whether the terminal echoes what is typed (readline turns this off while it reads).
    var echoes: Bool {
      var settings = termios()
      tcgetattr(master, &settings)
      return settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Types `text` (control characters included) into the terminal.
    func type(_ text: String) {
      let bytes = Array(text.utf8)
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
          write(master, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
        }
        if written <= 0 { return }
        offset += written
      }
    }

    /// Waits until `text` appears in the output after the previous match.
    func expect(_ text: String, seconds: Double = ReplTerminalTests.waitSeconds) throws {
      let deadline = Date().addingTimeInterval(seconds)
      while true {
        let wanted = Array(text.utf8)
        if shown.count >= wanted.count, searched <= shown.count - wanted.count {
          for start in searched...(shown.count - wanted.count)
          where shown[start..<start + wanted.count].elementsEqual(wanted) {
            searched = start + wanted.count
            return
          }
        }
        guard Date() < deadline, readSome(until: deadline) else {
          throw Failure(
            description: "`\(text)` did not appear within \(seconds) s; the terminal showed:\n"
              + output)
        }
      }
    }

    /// Reads what the terminal shows, waiting at most until `deadline`; false at its end.
    private func readSome(until deadline: Date) -> Bool {
      var wait = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(max(0, min(1000, deadline.timeIntervalSinceNow * 1000)))
      let ready = poll(&wait, 1, milliseconds)
      if ready < 0 { return errno == EINTR }
      if ready == 0 { return true }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(master, &buffer, buffer.count)
      guard count > 0 else { return false }  // EIO: the child closed the terminal
      shown += buffer[0..<count]
      return true
    }

    /// The child's exit status, waiting at most ``ReplTerminalTests/waitSeconds``.
    func waitForExit() throws -> Int32 {
      let deadline = Date().addingTimeInterval(ReplTerminalTests.waitSeconds)
      while Date() < deadline {
        var status: Int32 = 0
        let done = waitpid(pid, &status, WNOHANG)
        if done == pid {
          exited = true
          // WIFEXITED / WEXITSTATUS, which Swift does not import.
          if status & 0x7f == 0 { return (status >> 8) & 0xff }
          throw Failure(description: "ended by signal \(status & 0x7f); output:\n\(output)")
        }
        _ = readSome(until: Date().addingTimeInterval(0.1))
      }
      throw Failure(description: "did not exit within the deadline; output:\n\(output)")
    }

    /// Kills the child if it is still running, and closes the terminal.
    func stop() {
      if !exited {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
      }
      close(master)
    }
  }
#endif
