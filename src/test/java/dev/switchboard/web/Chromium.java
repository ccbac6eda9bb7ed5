package dev.switchboard.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven by the system's chromedriver (no downloads). Missing
 * packages fail the test: CI installs them (chromium, chromium-driver).
 */
final class Chromium {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    static ChromeDriver start(String language) {
        return start(language, false);
    }

    /** With {@code acceptInsecureCerts}: for a test's own self-signed certificate (nginx in front of Switchboard). */
    static ChromeDriver start(String language, boolean acceptInsecureCerts) {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--lang=" + language);
        options.setAcceptInsecureCerts(acceptInsecureCerts);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * Logs in through the login form and waits until the page after it has loaded: a navigation
     * right after the click would otherwise cancel the login and land on the login form again.
     */
    static void logIn(ChromeDriver driver, String baseUrl, String name, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.name("username")).sendKeys(name);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !driver.getCurrentUrl()
                    .contains("/login") && "complete".equals(driver.executeScript("return document.readyState")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("after logging in as " + name + " the browser is at " + driver.getCurrentUrl()
                    + ": " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * An attribute of the first element matching {@code css}, read in one step inside the page:
     * htmx swaps live parts of a page at any moment, which makes a found WebElement go stale.
     */
    static String attribute(ChromeDriver driver, String css, String name) {
        return (String) driver.executeScript("var e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", css, name);
    }

    /** The trimmed text of the first element matching {@code css}, read in one step (see {@link #attribute}). */
    static String text(ChromeDriver driver, String css) {
        return (String) driver.executeScript("var e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent.trim() : null;", css);
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
