package dev.paydeck.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The running version, from the build information Maven writes (or {@code dev} when run without it). */
@Component
public class PaydeckVersion {

    private final String value;

    PaydeckVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.value = properties != null && properties.getVersion() != null ? properties.getVersion() : "dev";
    }

    public String value() {
        return value;
    }
}
