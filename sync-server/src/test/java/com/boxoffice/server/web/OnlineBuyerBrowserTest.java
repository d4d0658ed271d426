package com.boxoffice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.boxoffice.core.hold.HoldRequest;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.SeatSelection;
import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.core.venue.DemoVenues;
import com.boxoffice.core.venue.Venue;
import com.boxoffice.server.SyncTestBase;

/**
 * The public page in a real browser (the system's Chromium, driven by Selenium) against the whole
 * server with real PostgreSQL and Redis: a buyer's way from the list of performances to printed
 * tickets, a declined card, and choosing seats on the map by keyboard alone. With
 * {@code -Dscreenshots.dir=docs/screenshots} every step is saved as a picture.
 */
// the whole way first, so the list it pictures holds only its own performances
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnlineBuyerBrowserTest extends SyncTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SCREENSHOTS = System.getProperty("screenshots.dir");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Venue THEATRE = DemoVenues.theatre();
    private static final Map<String, Long> PRICES = Map.of("A", 6500L, "B", 4500L, "C", 3000L, "D", 1800L);
    private static final String APPROVED = "4242 4242 4242 4242";
    private static final String DECLINED = "4000 0000 0000 0002";
    private static final String TIMES_OUT_CHARGED = "4000 0000 0000 0259";

    @Autowired
    private WaitingRoom room;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("boxoffice-chromium");
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=en-GB", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Europe/London"));
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            options.setBinary(CHROMIUM.toFile());
            service.usingDriverExecutable(CHROMEDRIVER.toFile());
        }
        // without the system's Chromium, Selenium Manager finds an installed Chrome or downloads one;
        // never skipped: a page nobody has seen work in a browser is not known to work
        try {
            browser = new ChromeDriver(service.build(), options);
        } catch (WebDriverException e) {
            throw new AssertionError("These tests drive Chromium and found none: install it with "
                    + "'apt-get install -y chromium chromium-driver' (.ci/run does so)", e);
        }
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        try {
            if (browser != null) {
                keepLastLook(test.getTestMethod().map(m -> m.getName()).orElse("test"));
                browser.quit();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void aBuyerWaitsForTheSaleHoldsTheBestTwoSeatsAndPrintsTwoTickets() {
        Instant startsAt = eveningInDays(24);
        fx.newPerformance("The Magic Flute", THEATRE, eveningInDays(40), Instant.now().plus(Duration.ofDays(3)), PRICES);
        fx.newPerformance("Swan Lake", THEATRE, eveningInDays(12), Instant.now().minus(Duration.ofDays(5)), PRICES);
        // the sale opens 20 s after the buyer arrives (time enough to join and reload on a slow machine):
        // the waiting room first, then the line
        String perf = fx.newPerformance("Hamlet", THEATRE, startsAt, Instant.now().plusSeconds(20), PRICES);

        open();
        WebElement hamlet = performance(perf);
        assertThat(hamlet.getText()).contains("Hamlet", "Demo Theatre", "€18.00 – €65.00", "seats left", "Sale opens");
        assertThat(performance(perf).findElement(By.cssSelector("time")).getAttribute("datetime"))
                .isEqualTo(startsAt.toString());
        shot("online-1-performances.png");

        performance(perf).findElement(By.tagName("button")).click();
        headingIs("Join the queue");
        joinAs("ada@example.com");

        waitFor(By.cssSelector("#queue-badge.badge-lobby"));
        assertThat(text("#h-queue")).isEqualTo("You are in the waiting room");
        assertThat(text("#queue-explain")).contains("random place in the line", "arriving early gives no advantage");
        assertThat(text("#queue-wait")).startsWith("The sale opens at");
        assertThat(focused().getAttribute("id")).isEqualTo("h-queue");
        shot("online-2-queue.png");

        // a reload keeps the place: the same entry, found again from the browser's storage
        String queueId = storedQueueId(perf);
        browser.navigate().refresh();
        waitFor(By.cssSelector("#queue-badge.badge-lobby"));
        assertThat(storedQueueId(perf)).isEqualTo(queueId);
        assertThat(room.view(perf).inLine()).as("one place, kept across the reload").isEqualTo(1);

        // the sale opens: the buyer is let through
        visible("#step-seats");
        headingIs("Choose your seats");
        assertThat(text("#admitted-note")).startsWith("It is your turn. Hold your seats by").matches("(?s).*\\d+:\\d\\d left.*");
        assertThat(text("#timer")).startsWith("Time to choose");
        waitForMap();
        shot("online-3-admitted.png");

        new Select(find("#best-count")).selectByValue("2");
        new Select(find("#best-tier")).selectByValue("A");
        find("#best-button").click();

        visible("#step-pay");
        headingIs("Your seats are held");
        List<String> held = heldSeatIds();
        assertThat(held).hasSize(2);
        assertThat(text("#hold-total")).isEqualTo("€130.00");
        String before = text("#hold-countdown");
        assertThat(before).matches("\\d+:\\d\\d");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !text("#hold-countdown").equals(before));
        assertThat(text("#timer")).startsWith("Seats held");
        assertThat(held).allSatisfy(seat -> assertThat(state(perf, seat)).isEqualTo('H'));
        shot("online-5-hold.png");

        fillCard("Ada Lovelace", APPROVED);
        shot("online-6-payment.png");
        find("#pay-button").click();

        visible("#step-tickets");
        headingIs("Your tickets");
        List<WebElement> tickets = waitForTickets(2);
        assertThat(tickets).extracting(t -> t.getAttribute("data-seat-id")).containsExactlyInAnyOrderElementsOf(held);
        assertThat(text("#order-summary")).contains("Hamlet", "€130.00", "Confirmed");
        assertThat(find("#print-button").isDisplayed()).isTrue();
        shot("online-8-tickets.png");

        assertThat(soldSeats(perf)).containsExactlyInAnyOrderElementsOf(held);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ? AND status = 'CONFIRMED'"
                + " AND buyer = 'ada@example.com' AND channel = 'ONLINE'", perf)).isEqualTo(1);
        assertThat(held).allSatisfy(seat -> assertThat(state(perf, seat)).isEqualTo('S'));

        browser.manage().window().setSize(new Dimension(375, 812));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> viewportWidth() <= 375);
        assertThat(pageWidth()).as("nothing wider than a phone").isLessThanOrEqualTo(viewportWidth());
        shot("online-9-mobile.png");
        assertNoPageErrors();
    }

    @Test
    void aDeclinedCardKeepsTheSeatsHeldAndAnotherCardBuysThem() {
        String perf = fx.newPerformance("Giselle", THEATRE, eveningInDays(15), Instant.now().minus(Duration.ofDays(5)), PRICES);

        open();
        performance(perf).findElement(By.tagName("button")).click();
        joinAs("grace@example.com");
        visible("#step-seats");
        waitForMap();
        fitsAPhone();
        // the best seats at any price: the front rows, at the standard price
        find("#best-button").click();

        visible("#step-pay");
        List<String> held = heldSeatIds();
        assertThat(held).hasSize(2);
        assertThat(text("#hold-total")).isEqualTo("€90.00");
        fillCard("Grace Hopper", DECLINED);
        find("#pay-button").click();

        WebElement message = waitFor(By.cssSelector("#message.message-error"));
        assertThat(message.getAttribute("role")).isEqualTo("alert");
        assertThat(message.getText()).contains("Your card was declined", "Nothing was taken", "still held", "another card");
        assertThat(find("#cc-number").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(focused().getAttribute("id")).isEqualTo("cc-number");
        assertThat(find("#step-pay").isDisplayed()).isTrue();
        assertThat(text("#hold-countdown")).matches("\\d+:\\d\\d");
        shot("online-7-declined.png");

        // the hold stands: the seats are held, nothing is sold, the order is not paid
        assertThat(held).allSatisfy(seat -> assertThat(state(perf, seat)).isEqualTo('H'));
        assertThat(soldSeats(perf)).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ? AND status = 'CONFIRMED'", perf)).isZero();

        find("#cc-number").sendKeys(APPROVED);
        find("#cc-csc").sendKeys("123");
        find("#pay-button").click();

        visible("#step-tickets");
        List<WebElement> tickets = waitForTickets(2);
        assertThat(tickets).extracting(t -> t.getAttribute("data-seat-id")).containsExactlyInAnyOrderElementsOf(held);
        assertThat(soldSeats(perf)).containsExactlyInAnyOrderElementsOf(held);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ? AND status = 'CONFIRMED'", perf)).isEqualTo(1);
        assertNoPageErrors();
    }

    @Test
    void seatsArePickedOnTheMapWithTheKeyboardAndTakenSeatsCannotBe() {
        String perf = fx.newPerformance("Macbeth", THEATRE, eveningInDays(30), Instant.now().minus(Duration.ofDays(1)), PRICES);

        open();
        performance(perf).findElement(By.tagName("button")).click();
        joinAs("alan@example.com");
        visible("#step-seats");
        waitForMap();

        // from the control before the map, one Tab lands on a seat
        ((JavascriptExecutor) browser).executeScript("document.getElementById('zoom-in').focus()");
        press(Keys.TAB);
        WebElement first = focused();
        assertThat(first.getAttribute("class")).contains("seat");
        assertThat(first.getAttribute("role")).isEqualTo("checkbox");
        assertThat(first.getAttribute("aria-label")).matches("[A-Z][a-z]+ row \\w+ seat \\d+, €\\d+\\.\\d\\d, available");

        // the seat to its right is taken by someone else while the buyer looks: the map shows it at once
        press(Keys.ARROW_RIGHT);
        String taken = focused().getAttribute("data-seat-id");
        assertThat(taken).isNotEqualTo(first.getAttribute("data-seat-id"));
        press(Keys.ARROW_LEFT);
        assertThat(focused().getAttribute("data-seat-id")).isEqualTo(first.getAttribute("data-seat-id"));
        holds.hold(new HoldRequest(perf, null, "box office", null, Channel.BOX_OFFICE, "window-1",
                new SeatSelection.Seats(List.of(taken))));
        WebElement takenSeat = find("[data-seat-id='" + taken + "']");
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(takenSeat.getAttribute("aria-disabled")));
        assertThat(takenSeat.getAttribute("aria-label")).endsWith(", not available");

        press(Keys.ARROW_RIGHT);
        assertThat(focused().getAttribute("data-seat-id")).isEqualTo(taken);
        press(Keys.ENTER);
        assertThat(takenSeat.getAttribute("aria-checked")).isEqualTo("false");

        press(Keys.ARROW_RIGHT);
        WebElement second = focused();
        press(Keys.ENTER);
        assertThat(second.getAttribute("aria-checked")).isEqualTo("true");
        assertThat(second.getAttribute("aria-label")).endsWith(", chosen");
        press(Keys.ARROW_DOWN);
        WebElement third = focused();
        // the row behind, not the next seat of a row that curves
        assertThat(third.getAttribute("aria-label")).doesNotStartWith(rowOf(second.getAttribute("aria-label")));
        press(Keys.SPACE);
        assertThat(third.getAttribute("aria-checked")).isEqualTo("true");
        List<String> chosen = List.of(second.getAttribute("data-seat-id"), third.getAttribute("data-seat-id"));

        assertThat(browser.findElements(By.cssSelector("#picked-list li"))).hasSize(2);
        assertThat(text("#hold-picked")).isEqualTo("Hold these 2 seats");
        shot("online-4-seat-map.png");

        // Tab leaves the map for the button that holds what was chosen
        press(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("hold-picked");
        press(Keys.ENTER);

        visible("#step-pay");
        assertThat(heldSeatIds()).containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(chosen).allSatisfy(seat -> assertThat(state(perf, seat)).isEqualTo('H'));
        assertThat(state(perf, taken)).isEqualTo('H');
        fitsAPhone();

        // given back: free for everyone again, and the buyer may choose again while admitted
        find("#release-button").click();
        visible("#step-seats");
        assertThat(waitFor(By.cssSelector("#message.message-info")).getText()).contains("Your seats were released");
        assertThat(chosen).allSatisfy(seat -> assertThat(state(perf, seat)).isEqualTo('.'));
        waitForMap();
        assertThat(chosen).allSatisfy(seat -> new WebDriverWait(browser, WAIT)
                .until(d -> "false".equals(find("[data-seat-id='" + seat + "']").getAttribute("aria-disabled"))));
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ? AND status = 'CANCELLED'", perf)).isEqualTo(1);
        assertNoPageErrors();
    }

    @Test
    void aPaymentTheBankIsSlowToConfirmIsFollowedUntilTheTicketsCome() {
        String perf = fx.newPerformance("Tosca", THEATRE, eveningInDays(20), Instant.now().minus(Duration.ofDays(2)), PRICES);

        open();
        performance(perf).findElement(By.tagName("button")).click();
        joinAs("barbara@example.com");
        visible("#step-seats");
        waitForMap();
        new Select(find("#best-count")).selectByValue("3");
        new Select(find("#best-tier")).selectByValue("C");
        find("#best-button").click();

        visible("#step-pay");
        List<String> held = heldSeatIds();
        assertThat(held).hasSize(3);
        assertThat(text("#hold-total")).isEqualTo("€90.00");
        // the card is charged but the bank does not answer: the server settles it in the background
        fillCard("Barbara Liskov", TIMES_OUT_CHARGED);
        // the wait may be over within a second: every sentence the page says while paying is noted
        ((JavascriptExecutor) browser).executeScript("const said = document.getElementById('pay-pending-text');"
                + " window.saidWhilePaying = [];"
                + " new MutationObserver(() => window.saidWhilePaying.push(said.textContent))"
                + ".observe(said, {childList: true, characterData: true, subtree: true});");
        find("#pay-button").click();

        visible("#step-tickets");
        waitForTickets(3);
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.saidWhilePaying"))
                .anySatisfy(said -> assertThat((String) said).contains("not confirmed the payment yet", "Do not pay again"));
        assertThat(soldSeats(perf)).containsExactlyInAnyOrderElementsOf(held);
        assertThat(fx.count("SELECT count(*) FROM sale_order WHERE performance_id = ?", perf)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM payment p JOIN sale_order o ON o.id = p.order_id"
                + " WHERE o.performance_id = ? AND p.status = 'CAPTURED'", perf)).as("charged once").isEqualTo(1);
        assertNoPageErrors();
    }

    // ------------------------------------------------------------------ steps

    private void open() {
        browser.get("http://127.0.0.1:" + port + "/");
        waitFor(By.cssSelector("#performance-list li.performance"));
        assertThat(text("#h-performances")).isEqualTo("Choose a performance");
    }

    private WebElement performance(String id) {
        return waitFor(By.cssSelector("li[data-performance-id='" + id + "']"));
    }

    private void joinAs(String email) {
        visible("#join-form");
        WebElement input = find("#email");
        input.clear();
        input.sendKeys(email);
        find("#join-button").click();
    }

    private void waitForMap() {
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("#seat-map circle.seat")).size()
                == SeatLayout.of(THEATRE).size());
    }

    private void fillCard(String name, String number) {
        find("#cc-name").sendKeys(name);
        find("#cc-number").sendKeys(number);
        find("#cc-exp").sendKeys("12/30");
        find("#cc-csc").sendKeys("123");
    }

    private List<String> heldSeatIds() {
        List<String> ids = new ArrayList<>();
        browser.findElements(By.cssSelector("#hold-seats tr")).forEach(row -> ids.add(row.getAttribute("data-seat-id")));
        return ids;
    }

    private List<WebElement> waitForTickets(int count) {
        new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> qr = d.findElements(By.cssSelector("#ticket-list li.ticket img.qr"));
            // each QR code is the server's SVG, decoded and drawn by the browser
            return qr.size() == count && qr.stream().allMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        });
        List<WebElement> tickets = browser.findElements(By.cssSelector("#ticket-list li.ticket"));
        tickets.forEach(t -> assertThat(t.findElement(By.cssSelector("img.qr")).getAttribute("src"))
                .startsWith("data:image/svg+xml"));
        return tickets;
    }

    // ------------------------------------------------------------------ stored state

    /** Seats with a live ticket at the performance, from PostgreSQL. */
    private List<String> soldSeats(String performanceId) {
        return jdbc.queryForList("SELECT seat_id FROM ticket WHERE performance_id = ? AND status = 'LIVE' ORDER BY seat_id",
                String.class, performanceId);
    }

    /** A seat's live state in Redis. */
    private char state(String performanceId, String seatId) {
        return holds.availability(performanceId).states().charAt(SeatLayout.of(THEATRE).indexOf(seatId));
    }

    // ------------------------------------------------------------------ browser helpers

    private static Instant eveningInDays(int days) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofMinutes(19 * 60 + 30));
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private String text(String css) {
        return find(css).getText();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement visible(String css) {
        return waitFor(By.cssSelector(css));
    }

    /** Each step moves focus to its heading, so a screen reader starts reading there. */
    private void headingIs(String heading) {
        new WebDriverWait(browser, WAIT).until(d -> {
            WebElement active = d.switchTo().activeElement();
            return "h1".equals(active.getTagName()) && heading.equals(active.getText());
        });
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String storedQueueId(String performanceId) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(localStorage.getItem('boxoffice.online.v1')).sessions[arguments[0]].queueId", performanceId);
    }

    /** "Stalls row A" of "Stalls row A seat 12, ...". */
    private static String rowOf(String seatLabel) {
        return seatLabel.substring(0, seatLabel.indexOf(" seat "));
    }

    /** At a phone's width (375 CSS pixels) nothing on the step is wider than the screen. */
    private void fitsAPhone() {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(375, 812));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> viewportWidth() <= 375);
        assertThat(pageWidth()).as("nothing wider than a phone").isLessThanOrEqualTo(viewportWidth());
        browser.manage().window().setSize(before);
    }

    private long viewportWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
    }

    private long pageWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }

    /** Script errors and refused content (the page's own CSP) would show here; refused API calls are the tests' own doing. */
    private void assertNoPageErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of"))
                .toList();
        assertThat(errors).isEmpty();
    }

    /** The page as the test left it and what its console said, in target/, for when a test fails. */
    private void keepLastLook(String name) throws IOException {
        Path dir = Path.of("target", "browser-tests");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        Files.write(dir.resolve(name + ".log"), console);
    }

    /** The whole page as it looks now, when screenshots are asked for. */
    @SuppressWarnings("unchecked")
    private void shot(String name) {
        if (SCREENSHOTS == null || SCREENSHOTS.isBlank()) {
            return;
        }
        // from the top, so the sticky header is where it belongs in a picture of the whole page
        JavascriptExecutor js = browser;
        Object scrolled = js.executeScript("const y = window.scrollY; window.scrollTo(0, 0); return y");
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        double width = ((Number) viewport.get("clientWidth")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 2400);
        Map<String, Object> png = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path dir = Path.of(SCREENSHOTS);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), Base64.getDecoder().decode((String) png.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        js.executeScript("window.scrollTo(0, arguments[0])", scrolled);
    }
}
