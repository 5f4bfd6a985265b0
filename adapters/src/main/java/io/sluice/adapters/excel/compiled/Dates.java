package io.sluice.adapters.excel.compiled;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * {@code YEAR}, {@code MONTH}, {@code DAY} and {@code DATE} on whole-day serial numbers from
 * 1901 to 9999, where Excel's calendar is the proleptic Gregorian one counted from 1899-12-30.
 * Anything else (times of day, 1900 and its phantom leap day, text, errors) is computed by
 * POI's own function, so results never differ from POI's.
 */
public final class Dates {

    static final long EPOCH_DAY_OF_SERIAL_0 = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final double FIRST_SERIAL = 367; // 1901-01-01
    static final double LAST_SERIAL = 2958465; // 9999-12-31
    private static final LocalDate FIRST = LocalDate.of(1901, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    /** Which part of a date a {@link Part} node extracts. */
    enum Field { YEAR, MONTH, DAY }

    static final class Part extends Node {
        private final Field field;
        private final PoiCall general;

        Part(PoiCall general, Field field) {
            super(general.slot, general.args);
            this.field = field;
            this.general = general;
        }

        @Override
        void eval(Frame f) {
            Node arg = args[0];
            arg.eval(f);
            double serial = f.num[arg.slot];
            if (f.tag[arg.slot] != Frame.NUMBER || serial != Math.rint(serial) || serial < FIRST_SERIAL
                    || serial > LAST_SERIAL) {
                general.eval(f);
                return;
            }
            LocalDate date = LocalDate.ofEpochDay(EPOCH_DAY_OF_SERIAL_0 + (long) serial);
            int value = field == Field.YEAR ? date.getYear() : field == Field.MONTH ? date.getMonthValue()
                    : date.getDayOfMonth();
            f.setNumberSlot(slot, value);
        }
    }

    /** {@code DATE(year, month, day)} with month and day overflowing into years and months. */
    static final class Make extends Node {
        private final PoiCall general;

        Make(PoiCall general) {
            super(general.slot, general.args);
            this.general = general;
        }

        @Override
        void eval(Frame f) {
            for (Node arg : args) {
                arg.eval(f);
                if (f.tag[arg.slot] != Frame.NUMBER) {
                    general.eval(f);
                    return;
                }
            }
            int year = (int) f.num[args[0].slot];
            double monthArg = f.num[args[1].slot];
            double dayArg = f.num[args[2].slot];
            if (year < 1901 || year > 9999 || Math.abs(monthArg) > 120_000 || Math.abs(dayArg) > 3_000_000) {
                general.eval(f);
                return;
            }
            int month = (int) (monthArg - 1);
            int day = (int) dayArg;
            if (year + Math.floorDiv(month, 12) < 1901) {
                general.eval(f);
                return;
            }
            LocalDate date = LocalDate.of(year, 1, 1).plusMonths(month).plusDays(day - 1L);
            if (date.isBefore(FIRST) || date.isAfter(LAST)) {
                general.eval(f);
                return;
            }
            f.setNumberSlot(slot, date.toEpochDay() - EPOCH_DAY_OF_SERIAL_0);
        }
    }

    /** {@code EDATE(start, months)}: the same day so many months later, clamped to the month's end. */
    static final class AddMonths extends Node {
        private final PoiCall general;

        AddMonths(PoiCall general) {
            super(general.slot, general.args);
            this.general = general;
        }

        @Override
        void eval(Frame f) {
            Node start = args[0];
            Node months = args[1];
            start.eval(f);
            months.eval(f);
            double serial = f.num[start.slot];
            double offset = f.num[months.slot];
            if (f.tag[start.slot] != Frame.NUMBER || f.tag[months.slot] != Frame.NUMBER
                    || serial != Math.rint(serial) || serial < FIRST_SERIAL || serial > LAST_SERIAL
                    || Math.abs(offset) > 120_000) {
                general.eval(f);
                return;
            }
            double later = addMonths((int) serial, (int) offset);
            if (Double.isNaN(later)) {
                general.eval(f);
                return;
            }
            f.setNumberSlot(slot, later);
        }
    }

    /**
     * The serial so many months after a whole-day serial from 1901 on, the day clamped to the
     * month's end as {@code LocalDate.plusMonths} does; NaN when it falls outside 1901 to 9999.
     */
    static double addMonths(int serial, int months) {
        int civil = YearFrac.civil(serial);
        int monthCount = 12 * (civil >>> 9) + ((civil >>> 5) & 15) - 1 + months;
        int year = Math.floorDiv(monthCount, 12);
        int month = Math.floorMod(monthCount, 12) + 1;
        if (year < 1901 || year > 9999) {
            return Double.NaN;
        }
        return serial(year, month, Math.min(civil & 31, Month.of(month).length(Year.isLeap(year))));
    }

    /** {@code yyyy-MM-dd} of a whole-day serial from 61 (1900-03-01) to 2958465 (9999-12-31). */
    public static String isoDate(int serial) {
        int civil = YearFrac.civil(serial);
        int year = civil >>> 9;
        int month = (civil >>> 5) & 15;
        int day = civil & 31;
        char[] text = {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-',
            digit(month / 10), digit(month), '-', digit(day / 10), digit(day)};
        return new String(text);
    }

    private static char digit(int n) {
        return (char) ('0' + n % 10);
    }

    /** The serial of a valid date from 1901 on (H. Hinnant's days_from_civil, counted from 1899-12-30). */
    public static int serial(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (int) (era * 146_097L + dayOfEra - 719_468 - EPOCH_DAY_OF_SERIAL_0);
    }
}
