package io.hostmod.test;

import java.lang.System.Logger.Level;

/**
 * One line a module logged through {@code ModuleContext.logger()}, as {@link Records#logs} keeps
 * it.
 *
 * @param host the host of the module's context ({@code "*"} for a global instance)
 * @param module the module's name
 * @param level the level it logged at
 * @param message the message, its parameters filled in
 * @param thrown the exception logged with it, or {@code null}
 */
public record LogLine(String host, String module, Level level, String message, Throwable thrown) {

  @Override
  public String toString() {
    return level + " " + module + "@" + host + ": " + message + (thrown == null ? "" : " (" + thrown + ")");
  }
}
