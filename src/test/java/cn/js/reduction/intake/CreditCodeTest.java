package cn.js.reduction.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /**
     * 91350100M000100Y43 is the example code of GB 32100-2015 explanations; the others were computed with the
     * standard's weights (1, 3, 9, 27, … mod 31), including one whose check character is 0 and one ending in a
     * letter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91320000134767063W", "12320000466007440H", "913201007000000230",
            "9132010060892567XQ"})
    void validCodes(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsCaught() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91320000134767063X")).isFalse();
    }

    @Test
    void aTransposedPairIsCaught() {
        assertThat(CreditCode.isValid("91350100M000010Y43")).isFalse();
    }

    @Test
    void copiedCodesInLowerCaseFullWidthOrWithSpacesAreForgiven() {
        assertThat(CreditCode.isValid("91350100m000100y43")).isTrue();
        assertThat(CreditCode.isValid(" 9135 0100 M000 100Y 43 ")).isTrue();
        assertThat(CreditCode.isValid("９１３５０１００Ｍ０００１００Ｙ４３")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100O000100Y43",
            "91350100S000100Y43", "91350100-000100Y43"})
    void malformedCodes(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @Test
    void noCodeIsNotValid() {
        assertThat(CreditCode.isValid(null)).isFalse();
    }
}
