// The tables of this folder, compiled into the binary so that it works when copied alone. SwiftPM
// embeds each table that Package.swift lists (`resources: [.embedInCode(…)]`) as
// `PackageResources.<name>` at every build, so the bytes are always those of the file and no generated
// file is kept that could go stale. A new table needs its name in Package.swift (`tables`) and a line
// below; `testEmbeddedTablesMatchDataFolder` fails until it has both.

/// The lexicon tables of `data/`, file name → contents.
public enum EmbeddedData {
    public static let files: [String: String] = {
        let tables: [(String, [UInt8])] = [
            ("banks.tsv", PackageResources.banks_tsv),
            ("central-banks.tsv", PackageResources.central_banks_tsv),
            ("commodities.tsv", PackageResources.commodities_tsv),
            ("companies.tsv", PackageResources.companies_tsv),
            ("countries.tsv", PackageResources.countries_tsv),
            ("country-abbreviations.tsv", PackageResources.country_abbreviations_tsv),
            ("cues.tsv", PackageResources.cues_tsv),
            ("currencies.tsv", PackageResources.currencies_tsv),
            ("currency-magnitudes.tsv", PackageResources.currency_magnitudes_tsv),
            ("fx-names.tsv", PackageResources.fx_names_tsv),
            ("governments.tsv", PackageResources.governments_tsv),
            ("hong-kong-words.tsv", PackageResources.hong_kong_words_tsv),
            ("index-groups.tsv", PackageResources.index_groups_tsv),
            ("indices.tsv", PackageResources.indices_tsv),
            ("market-cities.tsv", PackageResources.market_cities_tsv),
            ("market-places.tsv", PackageResources.market_places_tsv),
            ("measure-words.tsv", PackageResources.measure_words_tsv),
            ("numeral-words.tsv", PackageResources.numeral_words_tsv),
            ("qualifiers.tsv", PackageResources.qualifiers_tsv),
            ("region-words.tsv", PackageResources.region_words_tsv),
            ("script-fold.tsv", PackageResources.script_fold_tsv),
            ("tariff-scopes.tsv", PackageResources.tariff_scopes_tsv),
            ("yields.tsv", PackageResources.yields_tsv),
            ("exchanges.tsv", PackageResources.exchanges_tsv),
            ("market-tables.tsv", PackageResources.market_tables_tsv),
            ("metal-letters.tsv", PackageResources.metal_letters_tsv),
        ]
        return Dictionary(uniqueKeysWithValues: tables.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
    }()
}
