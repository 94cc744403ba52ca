import CredenceRecords

/// GRDB has a `RecordError` too; inside the store the name means the record contract's.
typealias RecordError = CredenceRecords.RecordError
