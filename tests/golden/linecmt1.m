linecmt1 ; comments in every position
 ; a line that is only a comment
 write "a",! ; comment after a command
 set x=1  ; comment after two spaces
 write "x=",x,!;comment right after argument
 write "b",!  quit:0  ; comment after postconditional command
 ;
 if x  write "if true",! ; comment after if
 else  write "else",! ; not reached
lab ; label with comment
 do lab2 ; comment after do
 write "c",!
 ;;double semicolon comment
 quit  ; comment after quit
lab2 ;comment
 write "in lab2",!
 quit
