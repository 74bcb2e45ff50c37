import { describePathologyMatrix } from "../helpers/pathology-matrix-suite"

// Part 1 of the M-Pesa pathology matrix (helpers/pathology-matrix-suite.ts).
describePathologyMatrix(0, 2)
