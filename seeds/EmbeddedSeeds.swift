// The seed page of this folder and its index, compiled into the binary (`resources:
// [.embedInCode(…)]` in Package.swift) so that `figures demo` runs from any folder.

/// The seed pages of `seeds/` and their index, file name → contents.
public enum EmbeddedSeeds {
    public static let files: [String: String] = [
        "index.tsv": String(decoding: PackageResources.index_tsv, as: UTF8.self),
        "000_ebbe0d012c511b39.txt": String(decoding: PackageResources._00_ebbe0d012c511b39_txt, as: UTF8.self),
    ]
}
