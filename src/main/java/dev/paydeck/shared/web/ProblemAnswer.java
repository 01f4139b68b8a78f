package dev.paydeck.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem+json answer particular to an API operation (a declined card, a payment in the wrong state), documented
 * with an example in Swagger UI. The problems every operation can give (400, 401, 403, 404) are documented for all.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemAnswer.List.class)
public @interface ProblemAnswer {

    int status();

    String description();

    /** The problem's JSON, as the API sends it. */
    String example();

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ProblemAnswer[] value();
    }
}
