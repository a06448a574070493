package io.github.gb28181.example;

import java.nio.file.Files;
import java.nio.file.Path;

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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded): it lists
 * the registered camera, its PTZ buttons reach the camera as the right PTZCmd, Record and Stop drive a stream. A
 * screenshot goes to target/web-page.png for a person to look at. Live video and recordings: {@link LiveVideoPageTest}.
 */
class WebPageTest extends PlatformTestSupport {

    @RegisterExtension
    Camera camera = new Camera("34020000001320000002", "34020000001310000002", PASSWORD);

    private Browser page;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        page = new Browser();
        browser = page.driver;
    }

    @AfterEach
    void closeBrowser() {
        page.close();
    }

    @Test
    void pageListsTheCameraAndItsButtonsSteerIt() throws Exception {
        camera.registerAndAnswerFirstQueries(SIP_PORT);
        // the page asks for the login first, and comes back after it
        page.open(httpPort);
        WebDriverWait wait = page.wait;

        // the camera is listed online; choosing it shows its channel
        // the lists are drawn again on every event (other tests' devices too): look elements up afresh each time
        String row = "#devices tr[data-device-id='" + camera.deviceId + "']";
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row), "Hikvision DS-2DE4425IW"));
        wait.until(ExpectedConditions.attributeContains(By.cssSelector(row + " .dot"), "class", "online"));
        page.click(row);
        String channel = "#channels li[data-channel-id='" + camera.channelId + "']";
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(channel), "Gate camera"));
        page.click(channel);
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

        // Record: the camera is INVITEd and streams; the stream's figures appear
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
}
