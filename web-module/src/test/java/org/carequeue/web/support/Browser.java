package org.carequeue.web.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driving the deployed
 * CareQueue as an agent or operator would. Without the browser the browser tests are skipped on a
 * developer's machine and fail under CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots",
            System.getProperty("carequeue.it.database", "local"));

    private final URI base;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(URI base, String... extraArguments) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("carequeue-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                        "--user-data-dir=" + profile)
                .addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads().toString(),
                "download.prompt_for_download", false));
        // What the page logged is printed when a wait times out.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A fresh browser (no cookies) for the CareQueue at {@code api}'s address. */
    public static Browser open(Api api) {
        requireInstalled();
        return new Browser(api.base());
    }

    private static void requireInstalled() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            String reason = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI requires them.");
            }
            Assumptions.abort(reason);
        }
    }

    /**
     * A fresh browser whose camera and microphone are Chromium's fake ones and whose permission
     * prompts (camera, microphone, screen) answer yes by themselves, for video call tests.
     */
    public static Browser withFakeMediaDevices(Api api) {
        requireInstalled();
        return new Browser(api.base(), "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--auto-select-desktop-capture-source=Entire screen", "--autoplay-policy=no-user-gesture-required");
    }

    /** A path of the CareQueue, or an absolute address (a test's own loopback server). */
    public Browser go(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /**
     * Signs in through the sign-in page and waits for the page it lands on (the form posts the
     * whole page, so the old page goes stale whether the sign-in succeeds or is refused).
     */
    public Browser signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/signin.xhtml")) {
            go("signin.xhtml");
        }
        type(By.id("signin:username"), username);
        type(By.id("signin:password"), password);
        WebElement submit = visible(By.id("signin:submit"));
        submit.click();
        waitUntil(d -> isGone(submit));
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the element has left the page. Selenium's own staleness check misses the moment
     * Chromium is swapping documents: then it reports the node as "not belonging to the document",
     * an unknown error rather than a stale reference, which means gone just the same.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException swapping) {
            if (replacedMeanwhile(swapping)) {
                return true;
            }
            throw swapping;
        }
    }

    private static boolean replacedMeanwhile(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Replaces the field's text; a field an ajax update replaced meanwhile is looked up again. */
    public void type(By field, String text) {
        waitUntil(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(field).apply(d);
            if (element == null) {
                return null;
            }
            element.clear();
            element.sendKeys(text);
            return Boolean.TRUE;
        });
    }

    /** Presses keys in the field (e.g. Enter to send). */
    public void press(By field, CharSequence keys) {
        waitUntil(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(field).apply(d);
            if (element == null) {
                return null;
            }
            element.sendKeys(keys);
            return Boolean.TRUE;
        });
    }

    /** Chooses the file in a file input, as the file dialog would (the input itself may be out of sight). */
    public void chooseFile(By input, Path file) {
        waitUntil(d -> d.findElement(input)).sendKeys(file.toAbsolutePath().toString());
    }

    /** An attribute of the element once it is in the page and the attribute has a value. */
    public String attribute(By locator, String name) {
        return waitUntil(d -> {
            String value = d.findElement(locator).getAttribute(name);
            return value == null || value.isBlank() ? null : value;
        });
    }

    public WebElement visible(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks once the element can be clicked; an element an ajax update just replaced is looked up again. */
    public void click(By locator) {
        waitUntil(d -> {
            try {
                WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
                if (element == null) {
                    return null;
                }
                element.click();
                return Boolean.TRUE;
            } catch (WebDriverException replaced) {
                // Chromium reports an element replaced while it was checked as a node out of the document.
                if (replacedMeanwhile(replaced)) {
                    return null;
                }
                throw replaced;
            }
        });
    }

    /**
     * Turns a PrimeFaces switch ({@code p:toggleSwitch} with this client id) on or off and waits
     * until its checkbox says so. Its state is read only once it shows (a dialog's switch is
     * filled by the update that opens the dialog). A click that lands while an overlay (a menu's
     * panel animating shut) still covers the switch is lost; the switch is clicked again only
     * while it is not yet as wanted, so a click is never counted twice.
     */
    public void turn(String switchId, boolean on) {
        By slider = By.cssSelector("[id='" + switchId + "'] .ui-toggleswitch-slider");
        waitUntil(d -> {
            if (!d.findElement(slider).isDisplayed()) {
                return null;
            }
            if (d.findElement(By.id(switchId + "_input")).isSelected() == on) {
                return Boolean.TRUE;
            }
            try {
                d.findElement(slider).click();
            } catch (WebDriverException busy) {
                // intercepted or not yet interactable: look again
            }
            return null;
        });
    }

    /**
     * Chooses the option with this label in a PrimeFaces select menu ({@code p:selectOneMenu} with
     * this client id). Its panel animates open and shut, and a click meanwhile is lost: the menu is
     * opened and the option clicked again until the menu shows the label and its panel is shut.
     */
    public void choose(String menuId, String label) {
        waitUntil(d -> {
            try {
                if (d.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                    d.findElement(By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']")).click();
                    return null;
                }
                if (label.equals(d.findElement(By.id(menuId + "_label")).getText())) {
                    return Boolean.TRUE;
                }
                d.findElement(By.id(menuId)).click();
            } catch (WebDriverException busy) {
                // intercepted or not yet interactable: look again
            }
            return null;
        });
    }

    /** Waits for the condition; when it does not come, what the page showed is saved as a screenshot. */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    /** Waits longer than {@link #WAIT} for something that takes its time (a timer on the server). */
    public <T> T waitUntil(Duration timeout, Function<? super WebDriver, T> condition) {
        try {
            // Ajax updates replace elements between finding and reading them: look again.
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            screenshot("timeout-" + System.currentTimeMillis());
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser console: " + entry));
            throw e;
        }
    }

    /** Whether any element matches now (no waiting). */
    public boolean has(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /** The element's text once it shows some (messages are rendered empty until there is one). */
    public String text(By locator) {
        return waitUntil(d -> {
            String text = d.findElement(locator).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** A file the page downloaded, once it is complete (null if it did not arrive within the wait). */
    public Path downloaded(String fileName) {
        Path file = downloads().resolve(fileName);
        try {
            return waitUntil(d -> Files.isRegularFile(file) ? file : null);
        } catch (TimeoutException notThere) {
            return null;
        }
    }

    private Path downloads() {
        return profile.resolve("downloads");
    }

    /** Whether a JavaScript alert, confirm or prompt is open now. */
    public boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** What the pages logged to the console since the last call (Chromium's refusals under the CSP among it). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(entry -> entry.getMessage()).toList();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** A script that answers by calling its last argument (a promise's result, say). */
    public Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** From now on the browser looks into this iframe (an embedded widget), until {@link #leaveFrame()}. */
    public void enterFrame(By frame) {
        waitUntil(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    }

    public void leaveFrame() {
        driver.switchTo().defaultContent();
    }

    /** The window's size, e.g. a phone's 390 x 844 or a laptop's 1280 x 800. */
    public void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Reloads the page, as the user's reload button does. */
    public void reload() {
        driver.navigate().refresh();
    }

    /**
     * Marks the loaded page; {@link #stillSamePage()} then tells whether the browser has loaded
     * another page since (a reload or navigation loses the mark), so "without reload" is checked.
     */
    public void markPage() {
        script("window.carequeueTestMark = true;");
    }

    public boolean stillSamePage() {
        return Boolean.TRUE.equals(script("return window.carequeueTestMark === true;"));
    }

    public String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    public void replaceSessionId(String value) {
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie("JSESSIONID", value, "/"));
    }

    /** Saves what the browser shows as {@code target/screenshots/<database>/<name>.png}, for people to look at. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
