// The part of @lhncbc/ucum-lhc's API the unit handling uses (the package ships no types).
declare module '@lhncbc/ucum-lhc' {
  interface UcumUnit {
    readonly csCode_: string;
    readonly name_: string;
    readonly property_: string | null;
    readonly isArbitrary_: boolean;
    readonly isSpecial_: boolean;
    readonly moleExp_: number;
    readonly dim_: { readonly dimVec_: readonly number[] | null } | null;
  }
  interface UcumSuggestion {
    readonly msg: string;
    readonly invalidUnit: string;
    readonly units: readonly (readonly [string, string, string | null])[];
  }
  interface SpecifiedUnit {
    readonly unit?: UcumUnit | null;
    readonly origString?: string;
    readonly retMsg: readonly string[];
    readonly suggestions?: readonly UcumSuggestion[];
    readonly status: 'valid' | 'invalid' | 'error';
  }
  interface ConvertResult {
    readonly status: 'succeeded' | 'failed' | 'error';
    readonly toVal: number | null;
    readonly msg: readonly string[];
  }
  interface Utils {
    getSpecifiedUnit(unit: string, valConv: 'validate' | 'convert', suggest?: boolean): SpecifiedUnit;
    convertUnitTo(from: string, value: number, to: string, options?: { molecularWeight?: number; suggest?: boolean }): ConvertResult;
  }
  export const UcumLhcUtils: { getInstance(): Utils };
}
