
export const LocalAmmErrorCode = {
  MathOverflow: 6000,
  ZeroAmount: 6001,
  InvalidFee: 6002,
  SameMint: 6003,
  WrongVault: 6004,
  SlippageExceeded: 6005,
  InsufficientLiquidity: 6006
};

export type LocalAmmErrorName = keyof typeof LocalAmmErrorCode;
