package com.boxoffice.server.web;

import java.io.IOException;

/** A request body grew past the limit while it was being read. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes; send fewer sales per batch.");
    }
}
