relge2 ; '>= is not an operator in GT.M: RHMISSING
 w "before",!
 w 1'>=2,!
