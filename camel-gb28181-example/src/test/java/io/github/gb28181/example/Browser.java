package io.github.gb28181.example;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) showing the platform's page.
 * A missing browser fails the test: CI installs it (.ci/run), and a skipped test would prove nothing.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile,
                "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens the page, which asks for the login first and comes back after it, as a person logs in. */
    Browser open(int httpPort) {
        return open(httpPort, true);
    }

    /** Opens the page, logging in when asked for the login, or stays at the login form ({@code login} false). */
    Browser open(int httpPort, boolean login) {
        driver.get("http://127.0.0.1:" + httpPort + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        if (!login) {
            return this;
        }
        driver.findElement(By.name("username")).sendKeys(PlatformTestSupport.WEB_USER);
        driver.findElement(By.name("password")).sendKeys(PlatformTestSupport.WEB_PASSWORD);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("devices")));
        return this;
    }

    /** The session the login gave this browser: the cookie its page's requests and WebSockets carry. */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    /** Chooses the camera in the device list and its channel, as a user clicks them. */
    Browser choose(Camera camera) {
        // the lists are drawn again on every event (other tests' devices too): elements are looked up afresh
        click("#devices tr[data-device-id='" + camera.deviceId + "']");
        click("#channels li[data-channel-id='" + camera.channelId + "']");
        wait.until(ExpectedConditions.textToBe(By.id("channel-title"), camera.channelId));
        return this;
    }

    void click(String css) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Opens a WebSocket from the page, as its live view does (same origin, whatever the browser sends on its own), and
     * tells what came first: {@code message <text>}, or {@code closed <code>} when it never opened or was closed.
     */
    String socketFromPage(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + " const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + arguments[0]);"
                + " socket.onmessage = e => { done('message ' + e.data); socket.close(); };"
                + " socket.onclose = e => done('closed ' + e.code);", path);
    }

    /** Frames the page's video element has shown, and where it is, in seconds. */
    Playback playback() {
        @SuppressWarnings("unchecked")
        java.util.List<Object> v = (java.util.List<Object>) script(
                "const v = document.getElementById('video');"
                + " return [v.getVideoPlaybackQuality().totalVideoFrames, v.currentTime];");
        return new Playback(((Number) v.get(0)).longValue(), ((Number) v.get(1)).doubleValue());
    }

    record Playback(long frames, double currentTime) {
    }

    /** Milliseconds from pressing Watch to the first picture on screen, or -1. */
    double firstFrameDelay() {
        Object delay = script("const s = window.liveStats;"
                              + " return s && s.firstFrameAt !== null ? s.firstFrameAt - s.requestedAt : -1;");
        return ((Number) delay).doubleValue();
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the page
        }
    }
}
