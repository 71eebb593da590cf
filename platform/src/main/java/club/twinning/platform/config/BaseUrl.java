package club.twinning.platform.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A public base URL as configured, without its trailing slashes: links are built as base + "/path", and an operator
 * may write the base either way. Converted once, when the configuration is read ({@code @WithConverter}).
 */
public final class BaseUrl implements Converter<String> {

    @Override
    public String convert(String value) {
        return value.replaceAll("/+$", "");
    }
}
