package io.sluice.webapp.dashboard

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.openqa.selenium.By
import org.openqa.selenium.JavascriptExecutor
import org.openqa.selenium.Keys
import org.openqa.selenium.WebDriver
import org.openqa.selenium.interactions.Actions
import org.openqa.selenium.support.ui.ExpectedConditions
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

import static io.sluice.webapp.TestCredentials.*

/** The dashboard in headless Chromium, the way a supervisor uses it. */
@MicronautTest(transactional = false)
class BrowserIT extends Specification {

    @Inject
    EmbeddedServer server

    @Shared
    WebDriver driver

    def setupSpec() {
        driver = Chromium.start()
    }

    def cleanupSpec() {
        driver?.quit()
    }

    def setup() {
        driver.get(url('/sign-in'))
        driver.manage().deleteAllCookies()
    }

    def 'a supervisor signs in and lands on the overview'() {
        when:
        driver.get(url('/'))

        then: 'without a session the sign-in page shows'
        driver.currentUrl.endsWith('/sign-in')
        Chromium.screenshot(driver, 'sign-in')

        when:
        signIn(ADMIN, ADMIN_PASSWORD)

        then:
        waitFor { driver.currentUrl == url('/') }
        driver.findElement(By.tagName('h1')).text == 'Overview of demo'
        driver.findElement(By.cssSelector('.who')).text.contains('admin')
    }

    def 'the sign-in form works with the keyboard alone'() {
        given:
        driver.get(url('/sign-in'))

        when: 'the username field has the focus; tab to the password and press enter'
        new Actions(driver).sendKeys(ADMIN).sendKeys(Keys.TAB).sendKeys(ADMIN_PASSWORD).sendKeys(Keys.ENTER).perform()

        then:
        waitFor { driver.currentUrl == url('/') }
    }

    def 'a request with a wrong CSRF token is refused'() {
        given:
        driver.get(url('/sign-in'))
        signIn(ADMIN, ADMIN_PASSWORD)
        waitFor { driver.currentUrl == url('/') }
        driver.get(url('/api-keys'))

        when: 'a forged token replaces the real one in the page'
        js('''document.querySelector('meta[name="csrf-token"]').content = 'forged';
              document.querySelectorAll('input[name="csrfToken"]').forEach(function (i) { i.value = 'forged'; });''')
        driver.findElement(By.name('name')).sendKeys('forged-key')
        driver.findElement(By.cssSelector('#keys form.row button')).click()

        then:
        waitFor { driver.findElements(By.id('flash')).any { it.text.contains('Refused') } }
        !driver.pageSource.contains('forged-key')
        Chromium.screenshot(driver, 'csrf-refused')
    }

    def 'try-it shows the outputs of one record without reloading the page'() {
        given:
        driver.get(url('/sign-in'))
        signIn(ADMIN, ADMIN_PASSWORD)
        waitFor { driver.currentUrl == url('/') }
        driver.get(url('/services'))
        driver.findElement(By.xpath("//tr[contains(., 'samples/SalesExample')]//a[contains(@href, '/services/versions/')]")).click()
        waitFor { driver.findElements(By.id('try-it')).size() == 1 }
        js('window.sluiceMarker = 42')

        when:
        driver.findElements(By.cssSelector('#try-it input[name^="in:"]')).each { it.sendKeys('3') }
        driver.findElement(By.cssSelector('#try-it button')).click()

        then:
        waitFor { driver.findElement(By.id('try-result')).text.contains('Computed in') }
        js('return window.sluiceMarker') == 42
        Chromium.screenshot(driver, 'service-try-it')
    }

    def 'the overview fits a phone screen'() {
        given:
        driver.get(url('/sign-in'))
        signIn(ADMIN, ADMIN_PASSWORD)
        waitFor { driver.currentUrl == url('/') }

        when:
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844))
        driver.get(url('/services'))

        then: 'nothing is wider than the screen'
        (js('return document.documentElement.scrollWidth') as int) <= 390
        Chromium.screenshot(driver, 'services-phone')

        cleanup:
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900))
    }

    private void signIn(String username, String password) {
        driver.findElement(By.name('username')).clear()
        driver.findElement(By.name('username')).sendKeys(username)
        driver.findElement(By.name('password')).sendKeys(password)
        driver.findElement(By.cssSelector('main form button[type=submit]')).click()
    }

    private Object js(String script) {
        ((JavascriptExecutor) driver).executeScript(script)
    }

    private String url(String path) {
        server.URL.toString().replace('127.0.0.1', 'localhost').replaceAll('/$', '') + path
    }

    private boolean waitFor(Closure<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.jsReturnsValue('return true'))
        new WebDriverWait(driver, Duration.ofSeconds(15)).until { condition() }
        true
    }
}
