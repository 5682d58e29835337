package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser: Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver (both named by path: nothing is downloaded at run time). It logs in with
 * the token, clicks load, reload, unload, deactivate, activate and "Reload configuration" (of the
 * server's file, edited meanwhile), and reads each result on the page and in the server; a form on
 * another origin that posts to the console is refused.
 *
 * <p>Skipped, saying why, where no Chromium or chromedriver is installed ({@code .ci/run} installs
 * them with apt-get).
 */
class ConsoleBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  static Path profile;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private Path file;
  private ExampleServer server;
  private WebDriver browser;

  @BeforeAll
  static void needsABrowser() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no browser to drive: " + CHROMIUM + " and " + CHROMEDRIVER + " come with Debian's chromium and"
        + " chromium-driver packages (apt-get install chromium chromium-driver; .ci/run does it)");
    // The driver by path, so that Selenium Manager never looks for (or downloads) one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
  }

  @BeforeEach
  void start() throws Exception {
    file = ConsoleTest.defaultConfigIn(Files.createTempDirectory(profile, "config"));
    server = ExampleServer.start(file, 0, 0, log::add);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"));
    // A driver process per browser: quitting the browser stops it.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void theConsolesButtonsChangeTheServerAndShowTheResult() throws IOException {
    logIn();
    assertFalse(browser.getCurrentUrl().contains("token"), browser.getCurrentUrl());

    click("docs.localhost", "chat", "load");
    assertResult("ok", "load chat on docs.localhost: done");
    assertTrue(server.modules().isLoaded("docs.localhost", "chat"));

    click("docs.localhost", "chat", "reload");
    assertResult("ok", "reload chat on docs.localhost: done");
    assertTrue(log.contains("reloaded chat on docs.localhost"), log.toString());

    click("docs.localhost", "chat", "unload");
    assertResult("ok", "unload chat on docs.localhost: done");
    assertFalse(server.modules().isLoaded("docs.localhost", "chat"));

    server.modules().load("docs.localhost", "chat");   // by another operator: the page's load button is stale
    click("docs.localhost", "chat", "load");
    assertResult("failed", "load chat on docs.localhost: refused, 409 module-already-loaded");

    click("team.localhost", "", "deactivate");
    assertResult("ok", "deactivate host team.localhost: done");
    assertFalse(server.modules().activeHosts().contains("team.localhost"));
    assertTrue(browser.getPageSource().contains("<td>team.localhost</td><td></td><td></td><td>inactive</td>"));

    click("team.localhost", "", "activate");
    assertResult("ok", "activate host team.localhost: done");
    assertTrue(server.modules().isLoaded("team.localhost", "chat"));

    click(ModuleManager.GLOBAL, "chat", "reload");
    assertResult("ok", "reload chat on *: done");

    Files.writeString(file, ConsoleTest.withoutDocs(Files.readString(file)));
    click(By.id("reload-config"));
    assertResult("ok", "reload configuration from " + file + ": done\ndeactivated docs.localhost");
    assertFalse(server.modules().activeHosts().contains("docs.localhost"));
    assertFalse(browser.getPageSource().contains("<td>docs.localhost</td>"), "its rows are gone");

    Files.writeString(file, "[hosts.\"Docs.localhost\"]\n");
    click(By.id("reload-config"));
    assertResult("failed", "reload configuration from " + file + ": refused, 400 bad-config: " + file
        + " has 1 problem, so nothing was changed:");
    String problem = browser.findElement(By.id("result")).getText();
    assertTrue(problem.lines().anyMatch(line -> line.strip().startsWith("host 'Docs.localhost' has capital letters")),
        "each problem on a line of its own: " + problem);
    assertTrue(server.modules().activeHosts().contains("team.localhost"));
  }

  @Test
  void aFormOnAnotherOriginThatPostsToTheConsoleIsRefused() {
    logIn();
    // A page of another origin (a data: URL, whose origin is opaque) with a form that posts to the
    // console: the browser sends no cookie (SameSite=Strict) and the server refuses the origin.
    String action = server.adminUrl().resolve("/hosts/docs.localhost/modules/chat/load").toString();
    browser.get("data:text/html,<form method=post action='" + action + "'><input name=csrf value=guess>"
        + "<button id=forge>win a prize</button></form>");
    browser.findElement(By.id("forge")).click();
    waiting(Duration.ofSeconds(10))
        .until(driver -> driver.getPageSource().contains("error"));
    assertTrue(browser.getPageSource().contains("\"cross-site\""), browser.getPageSource());
    assertFalse(server.modules().isLoaded("docs.localhost", "chat"), "nothing done");

    browser.get(server.adminUrl().toString());
    assertTrue(browser.getPageSource().contains("<td>docs.localhost</td><td>chat</td><td></td><td>not loaded</td>"),
        "the session still works from the console itself");
  }

  // ---- helpers

  private void logIn() {
    browser.get(server.adminUrl().toString());
    browser.findElement(By.id("token")).sendKeys(server.adminToken());
    browser.findElement(By.id("login")).click();
    waiting(Duration.ofSeconds(10))
        .until(driver -> !driver.findElements(By.id("logout")).isEmpty());
  }

  /** Clicks a host's or module's button (see {@link #click(By)}). */
  private void click(String host, String module, String action) {
    click(By.cssSelector("button[data-host='" + host + "'][data-module='" + module + "'][data-action='" + action + "']"));
  }

  /** Clicks a button and waits for the page its form posts to (the console again, after a redirect). */
  private void click(By which) {
    WebElement button = browser.findElement(which);
    button.click();
    waiting(Duration.ofSeconds(20)).until(driver -> {
      try {
        button.isEnabled();
        return false;
      } catch (WebDriverException gone) {
        // Stale, or (mid-navigation) "node does not belong to the document": the old page went.
        return true;
      }
    });
  }

  /** A wait that retries what fails while a page is replaced. */
  private WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  private void assertResult(String kind, String text) {
    String shown;
    try {
      shown = waiting(Duration.ofSeconds(20))
          .until(driver -> {
            List<WebElement> result = driver.findElements(By.id("result"));
            return result.isEmpty() || !result.get(0).getText().startsWith(text) ? null : result.get(0).getText();
          });
    } catch (TimeoutException notShown) {
      throw new AssertionError("no result starting '" + text + "' in:\n" + browser.getPageSource(), notShown);
    }
    assertTrue(shown.startsWith(text), shown);
    assertEquals(kind, browser.findElement(By.id("result")).getAttribute("class"));
  }
}
