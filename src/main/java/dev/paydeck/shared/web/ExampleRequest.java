package dev.paydeck.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole example request body for an API operation, shown in Swagger UI and sent by its "Try it out", where the
 * examples of the body's fields alone would not make a request that works (fields that exclude each other, ids that
 * must exist).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExampleRequest {

    /** The request's JSON. */
    String value();
}
