package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SrgbColourTest {
    private static SrgbColour opaque(String css) {
        return SrgbColour.parse(css).over(SrgbColour.WHITE, 1);
    }

    @Test
    void blackOnWhiteIs21To1AndAColourOnItselfIs1To1() {
        assertThat(SrgbColour.contrastRatio(opaque("rgb(0, 0, 0)"), SrgbColour.WHITE)).isCloseTo(21, within(1e-9));
        assertThat(SrgbColour.contrastRatio(opaque("rgb(26, 127, 55)"), opaque("rgb(26, 127, 55)"))).isEqualTo(1);
    }

    @Test
    void theGreyAtTheAaThresholdIsOnEitherSideOf4point5() {
        // #767676 is the lightest grey with 4.5:1 on white, #777777 the first without (WebAIM's checker: 4.54, 4.48)
        assertThat(SrgbColour.contrastRatio(opaque("rgb(118, 118, 118)"), SrgbColour.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(SrgbColour.contrastRatio(opaque("rgb(119, 119, 119)"), SrgbColour.WHITE)).isCloseTo(4.48, within(0.01));
    }

    @Test
    void aTranslucentColourIsCompositedOverWhatIsBelow() {
        SrgbColour tint = SrgbColour.parse("rgba(26, 127, 55, 0.12)").over(SrgbColour.WHITE, 1);
        // 26 * .12 + 255 * .88 = 227.5, 127 * .12 + 224.4 = 239.6, 55 * .12 + 224.4 = 231.0
        assertThat(tint.toString()).isEqualTo("#e4f0e7");
        assertThat(SrgbColour.parse("rgb(0, 0, 0)").over(SrgbColour.WHITE, 0.5).toString()).isEqualTo("#808080");
        assertThat(SrgbColour.parse("rgba(0, 0, 0, 0)").over(SrgbColour.WHITE, 1)).isEqualTo(SrgbColour.WHITE);
    }

    @Test
    void aColourChromiumWouldNotReportIsRefusedByName() {
        assertThatThrownBy(() -> SrgbColour.parse("color(display-p3 1 0 0)"))
                .hasMessage("computed colour: 'color(display-p3 1 0 0)' is not rgb(r, g, b) or rgba(r, g, b, a)");
    }
}
