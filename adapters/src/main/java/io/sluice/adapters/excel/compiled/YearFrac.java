package io.sluice.adapters.excel.compiled;

/**
 * {@code YEARFRAC(start, end[, basis])} on whole-day or fractional serial numbers from
 * 1900-03-01 to 9999-12-31 and a numeric basis 0 to 4, computed as POI's {@code
 * YearFracCalculator} computes it (both dates truncated to whole days, swapped when out of
 * order) without its {@code Calendar} objects. Anything else goes to POI's own function.
 */
final class YearFrac extends Node {

    private static final double FIRST_YEARFRAC_SERIAL = 61; // 1900-03-01, after the phantom 1900-02-29
    private final PoiCall general;

    YearFrac(PoiCall general) {
        super(general.slot, general.args);
        this.general = general;
    }

    @Override
    void eval(Frame f) {
        for (Node arg : args) {
            arg.eval(f);
        }
        int basis = 0;
        if (args.length == 3) {
            int b = args[2].slot;
            if (f.tag[b] != Frame.NUMBER || !(f.num[b] >= 0 && f.num[b] < 5)) {
                general.eval(f);
                return;
            }
            basis = (int) Math.floor(f.num[b]);
        }
        int s = args[0].slot;
        int e = args[1].slot;
        if (f.tag[s] != Frame.NUMBER || f.tag[e] != Frame.NUMBER || !inRange(f.num[s]) || !inRange(f.num[e])) {
            general.eval(f);
            return;
        }
        f.setNumberSlot(slot, fraction((int) Math.floor(f.num[s]), (int) Math.floor(f.num[e]), basis));
    }

    private static boolean inRange(double serial) {
        return serial >= FIRST_YEARFRAC_SERIAL && serial < Dates.LAST_SERIAL + 1;
    }

    /**
     * POI's {@code YearFracCalculator.calculate} for whole-day serials from 61 (1900-03-01) on and
     * a basis from 0 to 4, step for step with the same floating-point operations.
     */
    static double fraction(int startSerial, int endSerial, int basis) {
        if (startSerial == endSerial) {
            return 0;
        }
        int start = Math.min(startSerial, endSerial);
        int end = Math.max(startSerial, endSerial);
        switch (basis) {
            case 2:
                return (end - start) / 360.0;
            case 3:
                return ((double) end - (double) start) / 365.0;
            case 1:
                return basis1(start, end);
            case 0:
                return basis0(civil(start), civil(end));
            default:
                return basis4(civil(start), civil(end));
        }
    }

    /** Year, month and day of a serial from 61 on, packed as {@code year << 9 | month << 5 | day}. */
    static int civil(int serial) {
        // days since 0000-03-01 in the proleptic Gregorian calendar (H. Hinnant's civil_from_days)
        long z = Dates.EPOCH_DAY_OF_SERIAL_0 + serial + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        return year << 9 | month << 5 | day;
    }

    private static int year(int civil) {
        return civil >>> 9;
    }

    private static int month(int civil) {
        return (civil >>> 5) & 15;
    }

    private static int day(int civil) {
        return civil & 31;
    }

    private static double basis0(int startDate, int endDate) {
        int date1day = day(startDate);
        int date2day = day(endDate);
        if (date1day == 31 && date2day == 31) {
            date1day = 30;
            date2day = 30;
        } else if (date1day == 31) {
            date1day = 30;
        } else if (date1day == 30 && date2day == 31) {
            date2day = 30;
        } else if (month(startDate) == 2 && isLastDayOfMonth(startDate)) {
            date1day = 30;
            if (month(endDate) == 2 && isLastDayOfMonth(endDate)) {
                date2day = 30;
            }
        }
        return calculateAdjusted(startDate, endDate, date1day, date2day);
    }

    private static double basis1(int start, int end) {
        int startDate = civil(start);
        int endDate = civil(end);
        double yearLength;
        if (isGreaterThanOneYear(startDate, endDate)) {
            yearLength = averageYearLength(year(startDate), year(endDate));
        } else if (shouldCountFeb29(startDate, endDate)) {
            yearLength = 366;
        } else {
            yearLength = 365;
        }
        int days = end - start;
        return days / yearLength;
    }

    private static double basis4(int startDate, int endDate) {
        int date1day = day(startDate);
        int date2day = day(endDate);
        if (date1day == 31) {
            date1day = 30;
        }
        if (date2day == 31) {
            date2day = 30;
        }
        return calculateAdjusted(startDate, endDate, date1day, date2day);
    }

    private static double calculateAdjusted(int startDate, int endDate, int date1day, int date2day) {
        double dayCount = (year(endDate) - year(startDate)) * 360.0
                + (month(endDate) - month(startDate)) * (double) 30
                + (date2day - date1day) * 1.0;
        return dayCount / 360;
    }

    private static boolean isLastDayOfMonth(int date) {
        int day = day(date);
        if (day < 28) {
            return false;
        }
        return day == lastDayOfMonth(date);
    }

    private static int lastDayOfMonth(int date) {
        switch (month(date)) {
            case 1: case 3: case 5: case 7: case 8: case 10: case 12:
                return 31;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return isLeapYear(year(date)) ? 29 : 28;
        }
    }

    private static boolean shouldCountFeb29(int start, int end) {
        if (isLeapYear(year(start))) {
            if (year(start) == year(end)) {
                return true;
            }
            return month(start) == 1 || month(start) == 2;
        }
        if (isLeapYear(year(end))) {
            switch (month(end)) {
                case 1:
                    return false;
                case 2:
                    return day(end) == 29;
                default:
                    return true;
            }
        }
        return false;
    }

    private static double averageYearLength(int startYear, int endYear) {
        int years = endYear - startYear + 1;
        int dayCount = 365 * years + leapYearsUpTo(endYear) - leapYearsUpTo(startYear - 1);
        double numberOfYears = endYear - startYear + 1.;
        return dayCount / numberOfYears;
    }

    /** The leap years from year 1 to {@code year} inclusive, for {@code year >= 0}. */
    private static int leapYearsUpTo(int year) {
        return year / 4 - year / 100 + year / 400;
    }

    private static boolean isLeapYear(int year) {
        return year % 4 == 0 && (year % 400 == 0 || year % 100 != 0);
    }

    private static boolean isGreaterThanOneYear(int start, int end) {
        if (year(start) == year(end)) {
            return false;
        }
        if (year(start) + 1 != year(end)) {
            return true;
        }
        if (month(start) > month(end)) {
            return false;
        }
        if (month(start) < month(end)) {
            return true;
        }
        return day(start) < day(end);
    }
}
