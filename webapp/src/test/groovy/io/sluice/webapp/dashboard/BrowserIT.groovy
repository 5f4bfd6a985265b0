package io.sluice.webapp.dashboard

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.batch.CreateBatch
import io.sluice.application.batch.CreateBatchCommand
import io.sluice.application.batch.SubmitChunks
import io.sluice.application.batch.SubmitChunksCommand
import io.sluice.application.chunk.ChunkInput
import io.sluice.application.chunk.SummarySpec
import io.sluice.application.port.PasswordHasher
import io.sluice.application.port.UserRepository
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
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

    static final String ANALYST = 'browsing-analyst'
    static final String ANALYST_PASSWORD = 'analyst-password'
    static final Caller ADMIN_CALLER = new Caller(TenantId.of(TENANT), ADMIN, [Caller.SUPERVISOR] as Set)

    @Inject
    EmbeddedServer server

    @Inject CreateBatch createBatch
    @Inject SubmitChunks submitChunks
    @Inject UserRepository users
    @Inject PasswordHasher hasher

    @Shared
    WebDriver driver

    @Shared
    boolean analystAdded

    def setupSpec() {
        driver = Chromium.start()
    }

    def cleanupSpec() {
        driver?.quit()
    }

    def setup() {
        driver.get(url('/sign-in'))
        driver.manage().deleteAllCookies()
        if (!analystAdded) {
            users.add(new UserAccount(TenantId.of(TENANT), ANALYST, hasher.hash(ANALYST_PASSWORD), [] as Set,
                    java.time.Instant.now()))
            analystAdded = true
        }
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

    def 'the services page fits a phone screen'() {
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

    def 'a CSV runs through the sample service and its results download in input order'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        def csv = java.nio.file.Files.createTempFile('sales-', '.csv')
        java.nio.file.Files.writeString(csv, 'sale_id,price,quantity\n'
                + (1..40).collect { "S-${it},${10 + it},${it % 5 + 1}" }.join('\n') + '\n')
        driver.get(url('/run'))

        when:
        driver.findElement(By.name('file')).sendKeys(csv.toAbsolutePath().toString())
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name('service'))).selectByValue('samples/SalesExample[1.0.0]')
        driver.findElement(By.name('chunkSize')).clear()
        driver.findElement(By.name('chunkSize')).sendKeys('7')
        driver.findElement(By.name('keyColumn')).sendKeys('sale_id')
        Chromium.screenshot(driver, 'run-a-file')
        driver.findElement(By.cssSelector('#run button[type=submit]')).click()

        then: 'the batch page follows the run until the results can be downloaded'
        waitFor { driver.currentUrl.contains('/batches/') }
        waitFor { driver.findElements(By.id('download-results')).size() == 1 }
        // the batch completes when its last result has been fetched and the pipeline has settled it,
        // which may be a moment after the file run has written the results
        waitFor { text('#batch-status') == 'completed' }
        text('#records-done') == '40 / 40'
        Chromium.screenshot(driver, 'batch-file-run')

        when:
        String results = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];" +
                "fetch(document.getElementById('download-results').href).then(function (r) { return r.text(); }).then(done);")
        def lines = results.readLines()

        then:
        lines[0].startsWith('sale_id,price,quantity,')
        lines[0].endsWith(',errors')
        lines.drop(1)*.tokenize(',')*.getAt(0) == (1..40).collect { "S-${it}".toString() }

        cleanup:
        java.nio.file.Files.deleteIfExists(csv)
    }

    def 'the overview shows a batch appear and progress without reloading'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        js('window.sluiceMarker = 7')
        def id = aBatch(ADMIN_CALLER)

        expect: 'the new batch shows up by itself'
        waitFor { driver.findElements(By.id("batch-${id}")).size() == 1 }
        text("#batch-${id} .records") == '0 / 0'

        when: 'records arrive and are computed'
        post(ADMIN_CALLER, id, [[1, 20, 3], [2, 10, 4], [3, 5, 5]])

        then:
        waitFor { text("#batch-${id} .records") == '3 / 3' }
        text("#batch-${id} .progress-text") == '100 %'
        js('return window.sluiceMarker') == 7
        Chromium.screenshot(driver, 'overview')
    }

    def 'the live overview keeps the keyboard focus while it refreshes'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        def id = aBatch(ADMIN_CALLER)
        waitFor { driver.findElements(By.id("open-${id}")).size() == 1 }

        when: 'the link of the batch has the focus and the overview refreshes twice'
        js("document.getElementById('open-${id}').focus()")
        def refreshed = text('#batches .small')
        waitFor { text('#batches .small') != refreshed }
        refreshed = text('#batches .small')
        waitFor { text('#batches .small') != refreshed }

        then:
        js('return document.activeElement.id') == "open-${id}"

        when: 'Enter follows it'
        new Actions(driver).sendKeys(Keys.ENTER).perform()

        then:
        waitFor { driver.currentUrl.endsWith("/batches/${id}") }
    }

    def 'a supervisor cancels a batch after confirming'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        def id = aBatch(ADMIN_CALLER)
        driver.get(url("/batches/${id}"))

        when: 'the first confirmation is dismissed'
        click(By.id('cancel-batch'))
        confirmation().dismiss()

        then:
        text('#batch-status') == 'created'

        when: 'the second is accepted'
        click(By.id('cancel-batch'))
        confirmation().accept()

        then:
        waitFor { text('#batch-status') == 'cancelled' }
        driver.findElements(By.id('cancel-batch')).isEmpty()
        Chromium.screenshot(driver, 'batch-cancelled')
    }

    def "someone who is no supervisor does not see another user's batch"() {
        given:
        def theirs = aBatch(ADMIN_CALLER)
        def mine = aBatch(new Caller(TenantId.of(TENANT), ANALYST, [] as Set))
        signedInAs(ANALYST, ANALYST_PASSWORD)

        expect:
        waitFor { driver.findElements(By.id("batch-${mine}")).size() == 1 }
        driver.findElements(By.id("batch-${theirs}")).isEmpty()

        when:
        driver.get(url("/batches/${theirs}"))

        then:
        driver.findElement(By.tagName('h1')).text == 'Not found'
    }

    def 'cancelling with a wrong CSRF token is refused and the batch goes on'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        def id = aBatch(ADMIN_CALLER)
        driver.get(url("/batches/${id}"))
        js("""document.querySelector('meta[name="csrf-token"]').content = 'forged';
              document.querySelectorAll('input[name="csrfToken"]').forEach(function (i) { i.value = 'forged'; });""")

        when:
        click(By.id('cancel-batch'))
        confirmation().accept()

        then:
        waitFor { driver.findElements(By.id('flash')).any { it.text.contains('Refused') } }
        text('#batch-status') == 'created'
    }

    def 'the batch page fits a phone screen'() {
        given:
        signedInAs(ADMIN, ADMIN_PASSWORD)
        def id = aBatch(ADMIN_CALLER)
        post(ADMIN_CALLER, id, [[1, 20, 3], [2, 10, 4]])

        when:
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844))
        driver.get(url("/batches/${id}"))

        then:
        (js('return document.documentElement.scrollWidth') as int) <= 390
        Chromium.screenshot(driver, 'batch-phone')

        cleanup:
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900))
    }

    private void signedInAs(String username, String password) {
        driver.get(url('/sign-in'))
        signIn(username, password)
        waitFor { driver.currentUrl == url('/') }
    }

    private String aBatch(Caller owner) {
        createBatch.create(new CreateBatchCommand(owner, 'samples/SalesExample', new BatchConfiguration.Requested(null,
                null, null, null, null, null, null, null, 'sale_id', null, null, null))).batch().id().value().toString()
    }

    private void post(Caller owner, String batch, List<List> rows) {
        submitChunks.submit(new SubmitChunksCommand(owner, BatchId.of(batch), [new ChunkInput(UUID.randomUUID(),
                ['sale_id', 'price', 'quantity'], rows.collect { it as Object[] }, [:], SummarySpec.NONE)]))
    }

    private org.openqa.selenium.Alert confirmation() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.alertIsPresent())
    }

    /** The text of the first element matching {@code css}, read in one go (polled fragments replace elements). */
    private String text(String css) {
        js("var e = document.querySelector('${css}'); return e == null ? null : e.textContent.trim();")
    }

    /** Clicks, trying again when a polled fragment replaced the element between finding and clicking. */
    private void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException)
                .until { driver.findElement(by).click(); true }
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
