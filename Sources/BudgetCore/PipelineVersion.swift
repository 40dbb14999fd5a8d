/// The version of budget-etl's processing. It is recorded in every manifest, and a stage whose
/// recorded version differs from this one is re-run: new code may give different output.
public enum PipelineVersion {
    public static let current = "0.6.4"
}
