package io.sluice.client.io;

import java.io.IOException;

/** The input file cannot be read as records; the message says where and why. */
public class MalformedInputException extends IOException {

    public MalformedInputException(String message) {
        super(message);
    }
}
