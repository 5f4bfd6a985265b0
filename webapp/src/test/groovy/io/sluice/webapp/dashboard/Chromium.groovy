package io.sluice.webapp.dashboard

import org.openqa.selenium.OutputType
import org.openqa.selenium.WebDriver
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

/**
 * Headless Chromium for browser specs: the system's {@code chromium} and {@code chromedriver}
 * (never a browser downloaded by a test tool), a fresh profile per browser, nothing phoning home.
 */
final class Chromium {

    static final String BINARY = System.getProperty('sluice.chromium', '/usr/bin/chromium')
    static final String DRIVER = System.getProperty('sluice.chromedriver', '/usr/bin/chromedriver')
    static final Path SCREENSHOTS = Path.of('target', 'screenshots')

    private Chromium() {
    }

    static WebDriver start(int width = 1280, int height = 900) {
        Path profile = Files.createTempDirectory('sluice-chromium-')
        ChromeOptions options = new ChromeOptions()
        options.setBinary(BINARY)
        options.addArguments('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', "--user-data-dir=${profile}".toString(), "--window-size=${width},${height}".toString())
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build()
        new ChromeDriver(service, options)
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    static Path screenshot(WebDriver driver, String name) {
        Files.createDirectories(SCREENSHOTS)
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE)
        Path target = SCREENSHOTS.resolve(name + '.png')
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING)
        target
    }
}
