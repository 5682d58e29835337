package io.hostmod.test;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * A module's logger in a test: it keeps every line in the records, whatever the level, and passes
 * it on to the logger the module would have had ({@code hostmod.<module>}), so the test's output
 * still shows it. No logging configuration of the JVM changes, so tests may run in parallel.
 */
final class RecordingLogger implements System.Logger {

  private final String host;
  private final String module;
  private final Records records;
  private final System.Logger usual;

  RecordingLogger(String host, String module, Records records) {
    this.host = host;
    this.module = module;
    this.records = records;
    this.usual = System.getLogger("hostmod." + module);
  }

  @Override
  public String getName() {
    return usual.getName();
  }

  @Override
  public boolean isLoggable(Level level) {
    // Every level: a module that asks before it logs is recorded too.
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    records.logged(new LogLine(host, module, level, message, thrown));
    if (usual.isLoggable(level)) {
      usual.log(level, bundle, message, thrown);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    String message = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
    records.logged(new LogLine(host, module, level, message, null));
    if (usual.isLoggable(level)) {
      usual.log(level, bundle, format, params);
    }
  }
}
