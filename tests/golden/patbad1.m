patbad1 ; an invalid pattern code letter (Z) is an error
 write "valid: ","a"?1A,!
 set s="abc"
 write "before",!
 set r=s?1Z
 write "not reached",!
 quit
