patbad5 ; a string literal without a repeat count is an error; the whole line fails
 set s="abc"
 write "s?1""abc"": ",s?1"abc",!
 write "line with the error: ",s?"abc",!
 write "not reached",!
 quit
