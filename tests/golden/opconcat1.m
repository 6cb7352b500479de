opconcat1 ; string concatenation with _
 write "a"_"b",!
 write "a"_1,!
 write 1_2+3,!
 write 1.50_"",!
 write "x"_(1+1)_"y",!
 write 1_"",!
 write ""_""_"",!
 write "len=",$length("abc"_"defg"),!
 write -1_-2,!
 write "1"_"2"+0,!
 write .5_.5,!
 set s="" for i=1:1:5 set s=s_i
 write s,!
 write 1E3_"",!
 write "3"_"abc"+1,!
 write (1_2)*2,!
 quit
