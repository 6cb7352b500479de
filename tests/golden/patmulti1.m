patmulti1 ; combined codes like 1.3AN and 3UN
 write "a1?2AN: ","a1"?2AN,!
 write "a1.?3AN: ","a1."?3AN,!
 write "ab1?1.3AN: ","ab1"?1.3AN,!
 write "ab1c?1.3AN: ","ab1c"?1.3AN,!
 write "A1b?3UN: ","A1b"?3UN,!
 write "A1B?3UN: ","A1B"?3UN,!
 write "a.b?3LP: ","a.b"?3LP,!
 write "a b?3LP: ","a b"?3LP,!
 write "Ab?2UL: ","Ab"?2UL,!
 write "1,000?.NP: ","1,000"?.NP,!
 write "x?1AP: ","x"?1AP,!
 write "tab?1CP: ",$char(9)?1CP,!
 write "a1?1NA1NA: ","a1"?1NA1NA,!
 write "abc?3ULN: ","abc"?3ULN,!
 write "abc?3NA: ","abc"?3NA,!
 write "1?1AE: ","1"?1AE,!
 quit
