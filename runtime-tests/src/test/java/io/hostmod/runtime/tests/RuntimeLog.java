package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures, during each test, the warnings the runtime reports through {@code System.Logger}
 * (which the JDK backs with java.util.logging when no other backend is installed), and keeps them
 * off the console.
 */
final class RuntimeLog implements BeforeEachCallback, AfterEachCallback {

  // Held strongly: java.util.logging keeps loggers only weakly, and would forget the handler.
  private final Logger logger = Logger.getLogger(ModuleManager.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
  }

  /** Checks that nothing was logged. */
  void assertQuiet() {
    assertEquals(0, records.size(), this::logged);
  }

  /**
   * Checks that exactly one warning was logged, for the injected fault at {@code step}, and that
   * it names each of {@code words} (the failed method, the module, the host).
   */
  void assertOneWarning(String step, String... words) {
    assertEquals(1, records.size(), this::logged);
    assertWarning(records.get(0), step, words);
  }

  /** Checks the warnings logged, one per fault, in order. */
  void assertWarnings(List<String> steps) {
    assertEquals(steps.size(), records.size(), this::logged);
    for (int i = 0; i < steps.size(); i++) {
      assertWarning(records.get(i), steps.get(i));
    }
  }

  /**
   * Checks that exactly one warning was logged, for a {@link ModuleException} with {@code code}
   * (one the module got from calling the manager back, say), and that it names each of {@code
   * words}.
   */
  void assertOneWarningCausedBy(String code, String... words) {
    assertEquals(1, records.size(), this::logged);
    LogRecord record = records.get(0);
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals(code, assertInstanceOf(ModuleException.class, record.getThrown()).code());
    assertNames(record, words);
  }

  /** Checks that {@code count} warnings were logged, and nothing else, each for a {@code type}. */
  void assertWarningsOf(Class<? extends Throwable> type, int count) {
    assertEquals(count, records.size(), this::logged);
    for (LogRecord record : records) {
      assertEquals(Level.WARNING, record.getLevel());
      assertInstanceOf(type, record.getThrown());
    }
  }

  /**
   * Checks that exactly one error was logged, for a failure with {@code code}, and that it names
   * each of {@code words}.
   */
  void assertOneError(String code, String... words) {
    assertEquals(1, records.size(), this::logged);
    LogRecord record = records.get(0);
    assertEquals(Level.SEVERE, record.getLevel());
    assertEquals(code, assertInstanceOf(ModuleException.class, record.getThrown()).code());
    assertNames(record, words);
  }

  /** Checks that exactly one warning was logged, without an exception, naming each of {@code words}. */
  void assertOneWarningNaming(String... words) {
    assertEquals(1, records.size(), this::logged);
    assertEquals(Level.WARNING, records.get(0).getLevel());
    assertNames(records.get(0), words);
  }

  private String logged() {
    return "logged: " + records.stream().map(LogRecord::getMessage).toList();
  }

  private static void assertWarning(LogRecord record, String step, String... words) {
    assertEquals(Level.WARNING, record.getLevel());
    Journal.Fault fault = assertInstanceOf(Journal.Fault.class, record.getThrown());
    assertTrue(fault.getMessage().endsWith(step), fault::getMessage);
    assertNames(record, words);
  }

  private static void assertNames(LogRecord record, String... words) {
    for (String word : words) {
      assertTrue(
          record.getMessage().contains(word), () -> "'" + record.getMessage() + "' should name " + word);
    }
  }
}
