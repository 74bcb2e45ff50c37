import { describePathologyMatrix } from "../helpers/pathology-matrix-suite"

// Part 2 of the M-Pesa pathology matrix (helpers/pathology-matrix-suite.ts).
describePathologyMatrix(1, 2)
