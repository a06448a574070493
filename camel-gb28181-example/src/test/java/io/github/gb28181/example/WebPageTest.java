package io.github.gb28181.example;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded): it lists
 * the registered camera, its PTZ buttons reach the camera as the right PTZCmd, Play and Stop drive a stream. A
 * screenshot goes to target/web-page.png for a person to look at.
 */
class WebPageTest extends PlatformTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    Camera camera = new Camera("34020000001320000002", "34020000001310000002", PASSWORD);

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        // a missing browser fails the test: CI installs it (.ci/run), and a skipped test would prove nothing
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void pageListsTheCameraAndItsButtonsSteerIt() throws Exception {
        camera.registerAndAnswerFirstQueries(SIP_PORT);
        browser.get("http://127.0.0.1:" + httpPort + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // the page asks for the login first, and comes back after it
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(WEB_USER);
        browser.findElement(By.name("password")).sendKeys(WEB_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // the camera is listed online; choosing it shows its channel
        // the lists are drawn again on every event (other tests' devices too): look elements up afresh each time
        By row = By.cssSelector("#devices tr[data-device-id='" + camera.deviceId + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Hikvision DS-2DE4425IW"));
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#devices tr[data-device-id='"
                                                                        + camera.deviceId + "'] .dot"), "class", "online"));
        clickAfresh(wait, row);
        By channel = By.cssSelector("#channels li[data-channel-id='" + camera.channelId + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(channel, "Gate camera"));
        clickAfresh(wait, channel);
        wait.until(ExpectedConditions.textToBe(By.id("channel-title"), camera.channelId));

        // speed 100, then a click on "up": the move, and the stop when the button is let go
        WebElement speed = browser.findElement(By.id("ptz-speed"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = 100; arguments[0].dispatchEvent(new Event('input'));", speed);
        browser.findElement(By.cssSelector("button[data-ptz='up']")).click();
        SipText up = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(up.bodyText(), "PTZCmd")).isEqualTo("A50F000800640020");
        assertThat(Camera.tag(up.bodyText(), "DeviceID")).isEqualTo(camera.channelId);
        SipText stop = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(stop.bodyText(), "PTZCmd")).isEqualTo("A50F0000000000B4");

        // Play: the camera is INVITEd and streams; the stream's figures appear
        browser.findElement(By.id("play")).click();
        SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
        String toTag = SimulatedDevice.newId();
        String ssrc = camera.acceptInvite(invite, toTag);
        Camera.streamSample(Samples.H264_GST_PSM, ssrc, RTP_PORT);
        By streamRow = By.cssSelector("#streams tbody tr");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(streamRow, "H264"));
        wait.until(d -> Integer.parseInt(d.findElement(streamRow).findElements(By.tagName("td")).get(4).getText()) > 0);
        assertThat(browser.findElement(streamRow).getText()).contains(camera.channelId, "LIVE", "ACTIVE");

        // the live event log shows the camera's registration
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "REGISTER"));
        Path screenshot = Path.of("target", "web-page.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // Stop hangs up
        browser.findElement(By.cssSelector("#streams tbody tr button.danger")).click();
        SipText bye = camera.device.peer().awaitRequest("BYE", Camera.WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        camera.device.answer(bye, 200, "OK", toTag, "");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-streams")));
    }

    private static void clickAfresh(WebDriverWait wait, By element) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(element).click();
            return true;
        });
    }
}
