package org.ecobugs.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The name, version and documentation address of ecobugs, as the build stamped them. */
public final class ProductInfo {

    public static final String NAME = "ecobugs";
    private static final Properties PROPERTIES = read();

    private ProductInfo() {}

    public static String version() {
        return PROPERTIES.getProperty("version");
    }

    /** The address of a rule's documentation page. */
    public static String ruleDocUrl(String ruleKey) {
        return PROPERTIES.getProperty("docs.baseUrl") + ruleKey + ".md";
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = ProductInfo.class.getResourceAsStream("ecobugs.properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource ecobugs.properties");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
