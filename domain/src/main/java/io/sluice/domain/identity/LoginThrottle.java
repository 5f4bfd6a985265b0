package io.sluice.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Slows down password guessing against one username of one tenant. From the {@code lockFrom}-th
 * consecutive failure on, each failure locks the name: the first lock lasts {@code firstLock},
 * each further one twice as long as the one before, up to {@code longestLock}. Whether the
 * username exists makes no difference, so a lock tells nothing about which ones do.
 */
public record LoginThrottle(int lockFrom, Duration firstLock, Duration longestLock) {

    /** Four free failures; from the fifth, 1 s, 2 s, 4 s ... up to 15 minutes between guesses. */
    public static LoginThrottle standard() {
        return new LoginThrottle(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    }

    public LoginThrottle {
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(longestLock, "longestLock");
        if (lockFrom < 1 || firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("a login throttle needs lockFrom >= 1 and 0 < first lock <= longest lock");
        }
    }

    /** Until when a name with these consecutive failures may not try again (the last one's time when it is free). */
    public Instant lockedUntil(FailedLogins failed) {
        int locks = failed.count() - lockFrom + 1;
        if (locks <= 0) {
            return failed.last();
        }
        Duration lock = firstLock.multipliedBy(1L << Math.min(locks - 1, 30));
        return failed.last().plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }
}
