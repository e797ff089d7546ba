// The size from which a run is a province's: its results written compact, its steps' garbage
// collected between them. A module of its own, so that the second thread, which needs the number
// alone, does not load the result sheets and the message catalog with it.

/**
 * Results of at least this many units are written compact: a cell directly after the one before
 * it in its row carries no reference. Excel, LibreOffice, exceljs and openpyxl read that (the
 * format allows it), but some readers people script with do not (ClosedXML, EPPlus, older
 * calamine) and WPS could not be tried here; so a district's results keep every reference, and
 * only a province's, where it saves a third of the bytes and of the time, leave them out. A
 * province's two largest sheets (the item matrix, the notes: millions of cells nobody prints)
 * also keep their styles to the title and header rows and the vetoed rows' tint, and wrapped
 * text is not measured for row heights.
 */
export const COMPACT_UNITS = 10_000;
