/// The smallest text the pipeline takes as a report (one table, one row), for tests of the driver
/// that need some report rather than a particular one. Versions differ in the amount printed.
enum TinyReport {
    static func text(_ version: Int = 1) -> String {
        "表3\n支出总表\n科目编码\t科目名称\t合计\n208\t甲\t\(version).00\n"
    }
}
