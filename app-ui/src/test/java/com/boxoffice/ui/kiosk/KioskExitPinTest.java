package com.boxoffice.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.boxoffice.ui.shell.ClientProperties;

/** Which PINs take a kiosk out of kiosk mode. */
class KioskExitPinTest {

    private final List<String> askedManagers = new ArrayList<>();
    private final Predicate<String> managers = pin -> {
        askedManagers.add(pin);
        return pin.equals("9999");
    };

    @Test
    void theKiosksOwnPinAndAManagersPinBothOpenIt() {
        KioskExitPin exit = new KioskExitPin("2468", managers);

        assertThat(exit.test("2468")).isTrue();
        assertThat(askedManagers).as("the kiosk's own PIN needs no slow manager lookup").isEmpty();
        assertThat(exit.test("9999")).isTrue();
        assertThat(exit.test("1357")).isFalse();
        assertThat(exit.test("24680")).isFalse();
        assertThat(exit.test("246")).isFalse();
        assertThat(askedManagers).containsExactly("9999", "1357", "24680", "246");
    }

    @Test
    void withoutAKioskPinOnlyManagersOpenIt() {
        KioskExitPin exit = new KioskExitPin("", managers);

        assertThat(exit.test("9999")).isTrue();
        assertThat(exit.test("2468")).isFalse();
        assertThat(exit.test("")).isFalse();
        assertThat(exit.test(null)).isFalse();
        assertThat(askedManagers).containsExactly("9999", "2468");
    }

    @Test
    void aKioskPinThatIsNotFourToEightDigitsStopsTheClientFromStarting() {
        for (String bad : List.of("123", "123456789", "12a4", " 1234", "12 34")) {
            assertThatThrownBy(() -> new KioskExitPin(bad, managers)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("boxoffice.client.kiosk-pin must be 4 to 8 digits");
            assertThatThrownBy(() -> new ClientProperties("kiosk", "kiosk-1", Duration.ofSeconds(90),
                    Duration.ofMillis(600), false, "", "", Duration.ofSeconds(15), bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("boxoffice.client.kiosk-pin");
        }
        assertThat(new ClientProperties("kiosk", "kiosk-1", Duration.ofSeconds(90), Duration.ofMillis(600), false, "", "",
                Duration.ofSeconds(15), "12345678").kioskPin()).isEqualTo("12345678");
    }
}
