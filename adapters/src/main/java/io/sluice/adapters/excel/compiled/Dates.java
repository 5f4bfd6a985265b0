package io.sluice.adapters.excel.compiled;

import java.time.LocalDate;

/**
 * {@code YEAR}, {@code MONTH}, {@code DAY} and {@code DATE} on whole-day serial numbers from
 * 1901 to 9999, where Excel's calendar is the proleptic Gregorian one counted from 1899-12-30.
 * Anything else (times of day, 1900 and its phantom leap day, text, errors) is computed by
 * POI's own function, so results never differ from POI's.
 */
final class Dates {

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
            LocalDate date = LocalDate.ofEpochDay(EPOCH_DAY_OF_SERIAL_0 + (long) serial).plusMonths((int) offset);
            if (date.isBefore(FIRST) || date.isAfter(LAST)) {
                general.eval(f);
                return;
            }
            f.setNumberSlot(slot, date.toEpochDay() - EPOCH_DAY_OF_SERIAL_0);
        }
    }
}
