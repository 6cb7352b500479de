numlit2 ; long literals: 20 digits and more get 18 significant digits
 write "20 digits: ",12345678901234567890,!
 write "21 digits: ",123456789012345678901,!
 write "18 digits: ",123456789012345678,!
 write "19 digits: ",1234567890123456789,!
 write "19 nines: ",9999999999999999999,!
 write "18 nines: ",999999999999999999,!
 write "frac 20 digits: ",.12345678901234567890,!
 write "mixed: ",123456789.123456789123,!
 write "1E18: ",1E18,!
 write "1E19: ",1E19,!
 write "1E-18: ",1E-18,!
 write "1.5E-20: ",1.5E-20,!
 write "trailing zeros: ",100000000000000000000000,!
 quit
