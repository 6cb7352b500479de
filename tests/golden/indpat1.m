indpat1 ; pattern indirection ?@p
 set p="3N"
 write "123?@p ",123?@p,!
 write "12?@p ",12?@p,!
 set p="1U.L"
 write "Abc?@p ",("Abc"?@p),!
 write "abc?@p ",("abc"?@p),!
 set p="1""x""1N"
 write "x5?@p ",("x5"?@p),!
 write "x5'?@p ",("x5"'?@p),!
 set q="p" set p="2A" write "nested ab?@@q ",("ab"?@@q),!
 quit
