package io.hostmod.config;

/** A configuration file that cannot be used: says which file, line and key, and what to do. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String key;

  ConfigException(String file, int line, String key, String problem) {
    super(file + (line > 0 ? ":" + line : "") + (key != null ? ": " + key : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  /** The file (or source name) the problem is in. */
  public String file() {
    return file;
  }

  /** The line, from 1; 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /**
   * The dotted key, or {@code null} when it concerns no single key, or the text is not valid TOML
   * (the parser knows only the line; the message quotes it).
   */
  public String key() {
    return key;
  }
}
