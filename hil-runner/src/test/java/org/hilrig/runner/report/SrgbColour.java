package org.hilrig.runner.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An opaque sRGB colour, channels 0 to 255 (fractions kept, from compositing), with WCAG 2.x relative luminance
 * and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio): a few lines of arithmetic, so no
 * library.
 */
public record SrgbColour(double red, double green, double blue) {
    public static final SrgbColour WHITE = new SrgbColour(255, 255, 255);

    private static final Pattern CSS = Pattern.compile(
            "rgba?\\(\\s*([\\d.]+)[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)(?:[\\s,/]+([\\d.]+))?\\s*\\)");

    /**
     * A computed CSS colour as Chromium reports it: {@code rgb(r, g, b)} or {@code rgba(r, g, b, a)}; the
     * alpha multiplies the one given to {@link #over}, so parse then over.
     *
     * @throws IllegalArgumentException for anything else, naming it
     */
    public static Parsed parse(String css) {
        Matcher m = CSS.matcher(css == null ? "" : css.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("computed colour: '" + css + "' is not rgb(r, g, b) or rgba(r, g, b, a)");
        }
        double alpha = m.group(4) == null ? 1 : Double.parseDouble(m.group(4));
        return new Parsed(new SrgbColour(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))), alpha);
    }

    /** A parsed CSS colour and its own alpha. */
    public record Parsed(SrgbColour colour, double alpha) {
        /** This colour painted with {@code alpha} (times its own) over {@code below}. */
        public SrgbColour over(SrgbColour below, double alpha) {
            double a = Math.max(0, Math.min(1, this.alpha * alpha));
            return new SrgbColour(colour.red * a + below.red * (1 - a), colour.green * a + below.green * (1 - a),
                    colour.blue * a + below.blue * (1 - a));
        }
    }

    /** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
    public double relativeLuminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    /** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
    public static double contrastRatio(SrgbColour a, SrgbColour b) {
        double la = a.relativeLuminance();
        double lb = b.relativeLuminance();
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double linear(double channel) {
        double c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(red), Math.round(green), Math.round(blue));
    }
}
