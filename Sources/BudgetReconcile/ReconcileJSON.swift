import BudgetCore

/// `reconcile.json` written with `JSONWriter` (a few hundred checks a report, written per report
/// of thousands); read back through the synthesized `Decodable`.
extension ReconcileReport: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("checks", checks)
            json.key("summary")
            json.object { json in
                json.member("pass", summary.pass)
                json.member("warn", summary.warn)
                json.member("fail", summary.fail)
            }
        }
    }
}

extension CheckResult: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("rule", rule)
            json.member("status", status.rawValue)
            json.member("table", table)
            json.member("location", location)
            json.member("expected", expected?.description)
            json.member("actual", actual?.description)
            json.member("difference", difference?.description)
            json.member("tolerance", tolerance?.description)
            json.member("message", message)
            json.member("lines", ints: lines)
        }
    }
}
