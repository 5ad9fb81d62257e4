//! One column of a record batch as the text of a CSV file's cells: what the types Dateline
//! reads from Parquet and Arrow are, and how each is written.

use std::fmt::Write;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, DecimalType, Float32Type, Float64Type, Int16Type,
    Int32Type, Int64Type, Int8Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::Array;
use arrow_schema::{DataType, TimeUnit};
use dateline::model::calendar::format_day;

/// True for a type whose values Dateline reads as a cell's text: text, numbers, true/false,
/// dates and timestamps, and a dictionary of any of them.
pub fn readable(data_type: &DataType) -> bool {
    match data_type {
        DataType::Dictionary(_, values) => {
            !matches!(**values, DataType::Dictionary(..)) && readable(values)
        }
        other => matches!(
            other,
            DataType::Null
                | DataType::Utf8
                | DataType::LargeUtf8
                | DataType::Utf8View
                | DataType::Boolean
                | DataType::Int8
                | DataType::Int16
                | DataType::Int32
                | DataType::Int64
                | DataType::UInt8
                | DataType::UInt16
                | DataType::UInt32
                | DataType::UInt64
                | DataType::Float32
                | DataType::Float64
                | DataType::Decimal128(..)
                | DataType::Date32
                | DataType::Date64
                | DataType::Timestamp(..)
        ),
    }
}

/// One column of a batch, ready to be written a cell at a time: a dictionary's keys are
/// turned into positions in its values once, not once a cell.
pub enum Cells<'a> {
    /// The values themselves.
    Plain(&'a dyn Array),
    /// A dictionary: each row's position in `values` (meaningless where the row is null).
    Coded {
        column: &'a dyn Array,
        keys: Vec<usize>,
        values: &'a dyn Array,
    },
}

impl<'a> Cells<'a> {
    /// The cells of `column`, whose type is [`readable`].
    pub fn of(column: &'a dyn Array) -> Cells<'a> {
        match column.as_any_dictionary_opt() {
            // A dictionary with no values has only nulls; `normalized_keys` needs a value.
            Some(dict) if !dict.values().is_empty() => Cells::Coded {
                column,
                keys: dict.normalized_keys(),
                values: dict.values().as_ref(),
            },
            _ => Cells::Plain(column),
        }
    }

    /// Appends the text of the cell at `row` to `out`: nothing for a null.
    pub fn write(&self, row: usize, out: &mut String) {
        match self {
            Cells::Plain(column) => write_value(*column, row, out),
            Cells::Coded {
                column,
                keys,
                values,
            } => {
                if !column.is_null(row) {
                    write_value(*values, keys[row], out);
                }
            }
        }
    }
}

/// Days of a timestamp in `unit`.
fn timestamp_day(unit: TimeUnit, value: i64) -> i64 {
    let per_day = match unit {
        TimeUnit::Second => 86_400,
        TimeUnit::Millisecond => 86_400_000,
        TimeUnit::Microsecond => 86_400_000_000,
        TimeUnit::Nanosecond => 86_400_000_000_000,
    };
    value.div_euclid(per_day)
}

/// Appends the value at `row` of a column that is not a dictionary.
fn write_value(column: &dyn Array, row: usize, out: &mut String) {
    if column.is_null(row) {
        return;
    }
    // Numbers are written in full (writing to a String cannot fail); floats as the shortest
    // text that reads back as the same number.
    let number = |out: &mut String, n: &dyn std::fmt::Display| {
        let _ = write!(out, "{n}");
    };
    match column.data_type() {
        DataType::Utf8 => out.push_str(column.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => out.push_str(column.as_string::<i64>().value(row)),
        DataType::Utf8View => out.push_str(column.as_string_view().value(row)),
        DataType::Boolean => out.push_str(if column.as_boolean().value(row) {
            "true"
        } else {
            "false"
        }),
        DataType::Int8 => number(out, &column.as_primitive::<Int8Type>().value(row)),
        DataType::Int16 => number(out, &column.as_primitive::<Int16Type>().value(row)),
        DataType::Int32 => number(out, &column.as_primitive::<Int32Type>().value(row)),
        DataType::Int64 => number(out, &column.as_primitive::<Int64Type>().value(row)),
        DataType::UInt8 => number(out, &column.as_primitive::<UInt8Type>().value(row)),
        DataType::UInt16 => number(out, &column.as_primitive::<UInt16Type>().value(row)),
        DataType::UInt32 => number(out, &column.as_primitive::<UInt32Type>().value(row)),
        DataType::UInt64 => number(out, &column.as_primitive::<UInt64Type>().value(row)),
        DataType::Float32 => number(out, &column.as_primitive::<Float32Type>().value(row)),
        DataType::Float64 => number(out, &column.as_primitive::<Float64Type>().value(row)),
        DataType::Decimal128(precision, scale) => {
            let value = column.as_primitive::<Decimal128Type>().value(row);
            out.push_str(&Decimal128Type::format_decimal(value, *precision, *scale));
        }
        DataType::Date32 => {
            let day = column.as_primitive::<Date32Type>().value(row);
            out.push_str(&format_day(i64::from(day)));
        }
        DataType::Date64 => {
            let ms = column.as_primitive::<Date64Type>().value(row);
            out.push_str(&format_day(timestamp_day(TimeUnit::Millisecond, ms)));
        }
        DataType::Timestamp(unit, _) => {
            let value = match unit {
                TimeUnit::Second => column.as_primitive::<TimestampSecondType>().value(row),
                TimeUnit::Millisecond => {
                    column.as_primitive::<TimestampMillisecondType>().value(row)
                }
                TimeUnit::Microsecond => {
                    column.as_primitive::<TimestampMicrosecondType>().value(row)
                }
                TimeUnit::Nanosecond => column.as_primitive::<TimestampNanosecondType>().value(row),
            };
            // ACLED's dates are days: a timestamp gives its day (in UTC).
            out.push_str(&format_day(timestamp_day(*unit, value)));
        }
        // `readable` lets no other type through; a null column has no value to write.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{
        DictionaryArray, Float64Array, StringArray, TimestampMillisecondArray, UInt32Array,
    };
    use std::sync::Arc;

    fn cells(column: &dyn Array) -> Vec<String> {
        let cells = Cells::of(column);
        (0..column.len())
            .map(|row| {
                let mut out = String::new();
                cells.write(row, &mut out);
                out
            })
            .collect()
    }

    #[test]
    fn numbers_dates_and_dictionaries_are_written_as_text() {
        let floats = Float64Array::from(vec![Some(33.7856), None, Some(-0.5), Some(44.0)]);
        assert_eq!(cells(&floats), ["33.7856", "", "-0.5", "44"]);
        let stamps = TimestampMillisecondArray::from(vec![1_578_441_600_000, -1]);
        assert_eq!(cells(&stamps), ["2020-01-08", "1969-12-31"]);
        let names = DictionaryArray::new(
            UInt32Array::from(vec![Some(1), None, Some(0)]),
            Arc::new(StringArray::from(vec!["Basra", "Hit"])),
        );
        assert_eq!(cells(&names), ["Hit", "", "Basra"]);
        let empty: DictionaryArray<arrow_array::types::UInt32Type> = DictionaryArray::new(
            UInt32Array::from(vec![None, None]),
            Arc::new(StringArray::from(Vec::<&str>::new())),
        );
        assert_eq!(cells(&empty), ["", ""]);
    }

    #[test]
    fn only_flat_types_are_readable() {
        assert!(readable(&DataType::Date32));
        assert!(readable(&DataType::Dictionary(
            Box::new(DataType::Int32),
            Box::new(DataType::Utf8)
        )));
        let list = DataType::List(Arc::new(arrow_schema::Field::new(
            "item",
            DataType::Utf8,
            true,
        )));
        assert!(!readable(&list));
        assert!(!readable(&DataType::Binary));
        assert!(!readable(&DataType::Dictionary(
            Box::new(DataType::Int32),
            Box::new(list)
        )));
    }
}
