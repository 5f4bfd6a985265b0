package io.sluice.domain.identity;

import java.util.regex.Pattern;

/** The shapes of user names and labels, shared by users and API keys. */
public final class Names {

    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._/-]{0,99}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}");

    private Names() {
    }

    /** Usernames are 1-100 letters, digits or {@code . _ @ + -}, starting with a letter or digit. */
    public static String requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "a username is 1-100 letters, digits or '._@+-', starting with a letter or digit: " + username);
        }
        return username;
    }

    /** Roles are 1-100 letters, digits or {@code : . _ / -}, starting with a letter or digit. */
    public static String requireRole(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException(
                    "a role is 1-100 letters, digits or ':._/-', starting with a letter or digit: " + role);
        }
        return role;
    }

    /** Labels are 1-100 characters, not blank. */
    public static String requireLabel(String label, String what) {
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException(what + " must be 1-100 characters and not blank");
        }
        return label;
    }
}
